using System.Security.Cryptography.X509Certificates;
using Karmada.Security.Certificates;

namespace Karmada.Security.Tests.Certificates;

public sealed class CertificateSubjectTests
{
    [Fact]
    public void BuildThenRead_SpecialCharacters_RoundTrip()
    {
        var subject = CertificateSubject.Build("system:node:worker-1", ["system:nodes", "a,b", "quote\"d", "  padded"]);

        var (user, groups) = CertificateSubject.Read(subject);

        Assert.Equal("system:node:worker-1", user);
        Assert.Equal(["system:nodes", "a,b", "quote\"d", "  padded"], groups);
    }

    [Fact]
    public void Read_SeveralCommonNames_TakesTheLastLikeGo()
    {
        var (user, groups) = CertificateSubject.Read(new X500DistinguishedName("CN=second, O=g, CN=first"));

        // X500DistinguishedName strings list RDNs last-first, so "first" is encoded first and "second" last.
        Assert.Equal("second", user);
        Assert.Equal(["g"], groups);
    }

    [Fact]
    public void Read_NoCommonName_ReturnsNull()
    {
        var (user, groups) = CertificateSubject.Read(new X500DistinguishedName("O=only-a-group"));

        Assert.Null(user);
        Assert.Equal(["only-a-group"], groups);
    }

    [Fact]
    public void Build_EmptyUserOrGroup_Throws()
    {
        Assert.Throws<ArgumentException>(() => CertificateSubject.Build("", []));
        Assert.Throws<ArgumentException>(() => CertificateSubject.Build("alice", [""]));
    }
}
