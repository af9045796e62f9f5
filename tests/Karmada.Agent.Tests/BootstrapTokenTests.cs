using Karmada.Security.Authentication;

namespace Karmada.Agent.Tests;

public sealed class BootstrapTokenTests
{
    private const string Token = "abcdef.0123456789abcdef";
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("abcdef.0123456789abcdef", true)]
    [InlineData("ABCDEF.0123456789abcdef", false)]
    [InlineData("abcdef.0123456789abcde", false)]
    [InlineData("abcdef0123456789abcdef", false)]
    [InlineData("", false)]
    public void TryParse_AcceptsOnlyKubeadmFormat(string token, bool valid) =>
        Assert.Equal(valid, BootstrapToken.TryParse(token, out _, out _));

    [Fact]
    public void Generate_ProducesDistinctParsableTokens()
    {
        var a = BootstrapToken.Generate();
        var b = BootstrapToken.Generate();
        Assert.True(BootstrapToken.TryParse(a, out var id, out var secret));
        Assert.Equal((6, 16), (id.Length, secret.Length));
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Authenticate_ValidToken_IsBootstrapUserWithExtraGroups()
    {
        var user = BootstrapToken.Authenticate(Token, BootstrapToken.SecretType, Data(), deleting: false, Now);

        Assert.NotNull(user);
        Assert.Equal("system:bootstrap:abcdef", user.Name);
        Assert.Equal(new[] { "system:bootstrappers", "system:bootstrappers:karmada:default-cluster-token" }, user.Groups);
    }

    [Fact]
    public void Authenticate_RejectsWrongSecretTypeExpiryUsageGroupsAndDeletion()
    {
        Assert.Null(BootstrapToken.Authenticate("abcdef.0123456789abcdee", BootstrapToken.SecretType, Data(), false, Now));
        Assert.Null(BootstrapToken.Authenticate(Token, "Opaque", Data(), false, Now));
        Assert.Null(BootstrapToken.Authenticate(Token, BootstrapToken.SecretType, Data(), deleting: true, Now));
        Assert.Null(BootstrapToken.Authenticate(Token, BootstrapToken.SecretType, Data(expiration: "2026-11-28T09:59:59Z"), false, Now));
        Assert.Null(BootstrapToken.Authenticate(Token, BootstrapToken.SecretType, Data(expiration: "soon"), false, Now));
        Assert.NotNull(BootstrapToken.Authenticate(Token, BootstrapToken.SecretType, Data(expiration: "2026-11-28T10:00:01Z"), false, Now));
        Assert.Null(BootstrapToken.Authenticate(Token, BootstrapToken.SecretType, Data(usage: "false"), false, Now));
        Assert.Null(BootstrapToken.Authenticate(Token, BootstrapToken.SecretType, Data(groups: "system:masters"), false, Now));
    }

    [Fact]
    public void CaCertHash_IsSha256OfSubjectPublicKeyInfo()
    {
        using var key = System.Security.Cryptography.ECDsa.Create();
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=ca", key, System.Security.Cryptography.HashAlgorithmName.SHA256);
        using var ca = request.CreateSelfSigned(Now, Now.AddDays(1));

        var hash = BootstrapToken.CaCertHash(ca);

        Assert.Equal("sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(key.ExportSubjectPublicKeyInfo())), hash);
    }

    private static Dictionary<string, string> Data(string? expiration = null, string usage = "true", string groups = BootstrapToken.KarmadaDefaultGroup)
    {
        var data = new Dictionary<string, string>
        {
            ["token-id"] = "abcdef",
            ["token-secret"] = "0123456789abcdef",
            ["usage-bootstrap-authentication"] = usage,
            ["auth-extra-groups"] = groups,
        };
        if (expiration is not null)
        {
            data["expiration"] = expiration;
        }

        return data;
    }
}
