using System.Text;
using Karmada.Controllers.Members;

namespace Karmada.Controllers.Tests.Members;

public sealed class MemberClusterClientsTests
{
    [Fact]
    public void CreateConfiguration_Token_SetsHostAndToken()
    {
        var configuration = MemberClusterClients.CreateConfiguration("m", "10.0.0.1:6443", new Dictionary<string, byte[]> { ["token"] = Encoding.UTF8.GetBytes("abc\n") }, insecureSkipTlsVerify: true);
        Assert.Equal("https://10.0.0.1:6443", configuration.Host);
        Assert.Equal("abc", configuration.AccessToken);
        Assert.True(configuration.SkipTlsVerify);
    }

    [Fact]
    public void CreateConfiguration_NoCredentials_SaysWhatIsMissing()
    {
        var ex = Assert.Throws<MemberClusterConfigurationException>(() =>
            MemberClusterClients.CreateConfiguration("m", "https://x", new Dictionary<string, byte[]>(), insecureSkipTlsVerify: false));
        Assert.Contains("token", ex.Message, StringComparison.Ordinal);
        Assert.Contains("client-certificate", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateConfiguration_BadCaBundle_Throws() =>
        Assert.Throws<MemberClusterConfigurationException>(() => MemberClusterClients.CreateConfiguration(
            "m",
            "https://x",
            new Dictionary<string, byte[]> { ["token"] = [1], ["caBundle"] = Encoding.UTF8.GetBytes("-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----\n") },
            insecureSkipTlsVerify: false));
}
