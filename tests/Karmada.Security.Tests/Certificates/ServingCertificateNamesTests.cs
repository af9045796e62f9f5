using System.Net;
using Karmada.Security.Certificates;

namespace Karmada.Security.Tests.Certificates;

public sealed class ServingCertificateNamesTests
{
    [Fact]
    public void Create_NoEntries_HasLocalhostAndBothLoopbacks()
    {
        var names = ServingCertificateNames.Create([]);

        Assert.Equal(["localhost"], names.DnsNames);
        Assert.Equal([IPAddress.Loopback, IPAddress.IPv6Loopback], names.IpAddresses);
    }

    [Fact]
    public void Create_MixedEntries_SortsIntoDnsAndIpAndDropsDuplicatesAndUnspecified()
    {
        var names = ServingCertificateNames.Create(
            ["10.0.0.7", "[fd00::5]", "API.Example.com.", "localhost", "127.0.0.1", "0.0.0.0", "::", null, " ", "::ffff:10.0.0.8"]);

        Assert.Equal(["localhost", "api.example.com"], names.DnsNames);
        Assert.Equal(
            [IPAddress.Loopback, IPAddress.IPv6Loopback, IPAddress.Parse("10.0.0.7"), IPAddress.Parse("fd00::5"), IPAddress.Parse("10.0.0.8")],
            names.IpAddresses);
    }

    [Fact]
    public void Create_NeitherAddressNorHostName_Throws()
    {
        Assert.Throws<ArgumentException>(() => ServingCertificateNames.Create(["not a host!"]));
        Assert.Throws<ArgumentException>(() => ServingCertificateNames.Create(["10"]));
    }

    [Fact]
    public void FindMissing_ListsExactlyTheNamesTheCertificateLacks()
    {
        using var ca = CertificateAuthority.Create();
        using var issued = ca.IssueServingCertificate("server", ServingCertificateNames.Create(["10.0.0.1"]));

        var missing = ServingCertificateNames.Create(["10.0.0.1", "10.0.0.2", "Node-1"]).FindMissing(issued.Certificate);

        Assert.Equal(["node-1", "10.0.0.2"], missing);
    }
}
