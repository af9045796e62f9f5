using Karmada.Security.Authentication;
using Karmada.Security.Certificates;
using Karmada.Security.Kubeconfigs;
using Karmada.Security.Serving;
using Karmada.Security.Tests.Infrastructure;
using Karmada.Testing;

namespace Karmada.Security.Tests.Serving;

public sealed class SecureServingBootstrapTests : IDisposable
{
    private readonly TempDirectory _temp = new("karmada-bootstrap");
    private readonly ManualTimeProvider _clock = new(DateTimeOffset.UtcNow);

    private string DataDirectory => Path.Combine(_temp.Path, "data");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task EnsureAsync_EmptyDirectory_CreatesEverythingWithPrivatePermissions()
    {
        using var material = await EnsureAsync("10.20.30.40");

        Assert.True(material.CertificateAuthority.WasCreated);
        Assert.Equal("https://10.20.30.40:6443", material.ServerUrl);
        Assert.Equal(Path.Combine(DataDirectory, "karmada-apiserver.config"), material.KubeconfigPath);
        FileModes.AssertMode(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, DataDirectory);
        foreach (var secret in new[] { "ca.key", "karmada-apiserver-serving.key", "admin.key", "tokens.csv", "karmada-apiserver.config" })
        {
            FileModes.AssertMode(FileModes.OwnerOnly, Path.Combine(DataDirectory, secret));
        }

        foreach (var certificate in new[] { "ca.crt", "karmada-apiserver-serving.crt", "admin.crt" })
        {
            FileModes.AssertMode(FileModes.WorldReadable, Path.Combine(DataDirectory, certificate));
        }

        var serving = material.ServingCertificate.Certificate;
        Assert.Equal("CN=karmada-apiserver", serving.Subject);
        Assert.Empty(ServingCertificateNames.Create(["10.20.30.40"]).FindMissing(serving));
        Assert.True(material.CertificateAuthority.HasIssued(serving));

        var (adminName, adminGroups) = CertificateSubject.Read(material.AdminCertificate.Certificate.SubjectName);
        Assert.Equal(UserInfo.AdminUserName, adminName);
        Assert.Equal([UserInfo.MastersGroup], adminGroups);

        var tokenUser = await material.Tokens.AuthenticateTokenAsync(material.AdminToken, CancellationToken.None);
        Assert.Equal(UserInfo.AdminUserName, tokenUser?.Name);
        Assert.Equal([UserInfo.MastersGroup], tokenUser?.Groups);
        Assert.True(Guid.TryParse(tokenUser?.Uid, out _));

        var kubeconfig = await KubeconfigReader.ReadAsync(material.KubeconfigPath!, CancellationToken.None);
        Assert.Equal("https://10.20.30.40:6443", kubeconfig.FindCluster("karmada-apiserver")?.Server);
        Assert.Equal(material.AdminCertificate.CertificatePem, Kubeconfig.DecodeData(kubeconfig.FindUser("karmada-apiserver")!.ClientCertificateData!));
    }

    [Fact]
    public async Task EnsureAsync_Restart_ReusesCaCertificatesTokenAndRewritesTheSameKubeconfig()
    {
        string caThumbprint, servingThumbprint, adminThumbprint, token, kubeconfig;
        using (var first = await EnsureAsync("10.20.30.40"))
        {
            (caThumbprint, servingThumbprint, adminThumbprint, token) =
                (first.CertificateAuthority.Certificate.Thumbprint, first.ServingCertificate.Certificate.Thumbprint, first.AdminCertificate.Certificate.Thumbprint, first.AdminToken);
            kubeconfig = await File.ReadAllTextAsync(first.KubeconfigPath!);
        }

        using var second = await EnsureAsync("10.20.30.40");

        Assert.False(second.CertificateAuthority.WasCreated);
        Assert.Equal(caThumbprint, second.CertificateAuthority.Certificate.Thumbprint);
        Assert.Equal(servingThumbprint, second.ServingCertificate.Certificate.Thumbprint);
        Assert.Equal(adminThumbprint, second.AdminCertificate.Certificate.Thumbprint);
        Assert.Equal(token, second.AdminToken);
        Assert.Single(second.Tokens.Tokens);
        Assert.Equal(kubeconfig, await File.ReadAllTextAsync(second.KubeconfigPath!));
    }

    [Fact]
    public async Task EnsureAsync_NewAdvertiseAddressOrName_ReissuesOnlyTheServingCertificate()
    {
        string caThumbprint, servingThumbprint, adminThumbprint, token;
        using (var first = await EnsureAsync("10.20.30.40"))
        {
            (caThumbprint, servingThumbprint, adminThumbprint, token) =
                (first.CertificateAuthority.Certificate.Thumbprint, first.ServingCertificate.Certificate.Thumbprint, first.AdminCertificate.Certificate.Thumbprint, first.AdminToken);
        }

        using var moved = await EnsureAsync("10.9.9.9");
        using var named = await SecureServingBootstrap.EnsureAsync(
            new SecureServingOptions { DataDirectory = DataDirectory, AdvertiseAddress = "10.9.9.9", AdditionalNames = ["api.example.com"], TimeProvider = _clock },
            logger: null,
            CancellationToken.None);

        Assert.NotEqual(servingThumbprint, moved.ServingCertificate.Certificate.Thumbprint);
        Assert.Empty(ServingCertificateNames.Create(["10.9.9.9"]).FindMissing(moved.ServingCertificate.Certificate));
        Assert.Equal(["10.20.30.40"], ServingCertificateNames.Create(["10.20.30.40"]).FindMissing(moved.ServingCertificate.Certificate));
        Assert.Empty(ServingCertificateNames.Create(["10.9.9.9", "api.example.com"]).FindMissing(named.ServingCertificate.Certificate));
        Assert.Equal(caThumbprint, named.CertificateAuthority.Certificate.Thumbprint);
        Assert.Equal(adminThumbprint, named.AdminCertificate.Certificate.Thumbprint);
        Assert.Equal(token, named.AdminToken);
        Assert.Equal("https://10.9.9.9:6443", moved.ServerUrl);
    }

    [Fact]
    public async Task EnsureAsync_CertificatesNearExpiry_ReissuesThemButKeepsCaAndToken()
    {
        string caThumbprint, servingThumbprint, adminThumbprint, token;
        using (var first = await EnsureAsync(null))
        {
            (caThumbprint, servingThumbprint, adminThumbprint, token) =
                (first.CertificateAuthority.Certificate.Thumbprint, first.ServingCertificate.Certificate.Thumbprint, first.AdminCertificate.Certificate.Thumbprint, first.AdminToken);
        }

        _clock.Advance(TimeSpan.FromDays(300));
        using var renewed = await EnsureAsync(null);

        Assert.Equal(caThumbprint, renewed.CertificateAuthority.Certificate.Thumbprint);
        Assert.NotEqual(servingThumbprint, renewed.ServingCertificate.Certificate.Thumbprint);
        Assert.NotEqual(adminThumbprint, renewed.AdminCertificate.Certificate.Thumbprint);
        Assert.Equal(token, renewed.AdminToken);
        Assert.True(renewed.ServingCertificate.Certificate.NotAfter.ToUniversalTime() > _clock.GetUtcNow().UtcDateTime.AddDays(360));
    }

    [Fact]
    public async Task EnsureAsync_CaRemoved_CreatesANewCaAndReissuesEverythingItSigns()
    {
        string caThumbprint, token;
        using (var first = await EnsureAsync(null))
        {
            (caThumbprint, token) = (first.CertificateAuthority.Certificate.Thumbprint, first.AdminToken);
        }

        File.Delete(Path.Combine(DataDirectory, "ca.crt"));
        File.Delete(Path.Combine(DataDirectory, "ca.key"));
        using var second = await EnsureAsync(null);

        Assert.NotEqual(caThumbprint, second.CertificateAuthority.Certificate.Thumbprint);
        Assert.True(second.CertificateAuthority.HasIssued(second.ServingCertificate.Certificate));
        Assert.True(second.CertificateAuthority.HasIssued(second.AdminCertificate.Certificate));
        Assert.Equal(token, second.AdminToken);
    }

    [Fact]
    public async Task EnsureAsync_ApiServerAndMembersConcurrentlyOnOneDirectory_ShareCaAdminAndToken()
    {
        var servers = await Task.WhenAll(
            new[] { "karmada-apiserver", "member1", "member2" }.Select((name, index) => SecureServingBootstrap.EnsureAsync(
                new SecureServingOptions { DataDirectory = DataDirectory, Name = name, Port = 6443 + index, KubeconfigFileName = $"{name}.config", TimeProvider = _clock },
                logger: null,
                CancellationToken.None)));
        try
        {
            Assert.Single(servers.Select(server => server.CertificateAuthority.Certificate.Thumbprint).Distinct());
            Assert.Single(servers.Select(server => server.AdminCertificate.Certificate.Thumbprint).Distinct());
            Assert.Single(servers.Select(server => server.AdminToken).Distinct());
            Assert.Equal(3, servers.Select(server => server.ServingCertificate.Certificate.Thumbprint).Distinct().Count());
            using var tokens = await StaticTokenFile.LoadAsync(Path.Combine(DataDirectory, "tokens.csv"), CancellationToken.None);
            Assert.Single(tokens.Tokens);

            var member = await KubeconfigReader.ReadAsync(Path.Combine(DataDirectory, "member1.config"), CancellationToken.None);
            Assert.Equal("member1", member.CurrentContext);
            Assert.Equal("https://127.0.0.1:6444", member.FindCluster("member1")?.Server);
            Assert.Equal("CN=member2", servers[2].ServingCertificate.Certificate.Subject);
        }
        finally
        {
            foreach (var server in servers)
            {
                server.Dispose();
            }
        }
    }

    [Fact]
    public async Task EnsureAsync_KubeconfigWithoutPort_IsRejected()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => SecureServingBootstrap.EnsureAsync(DataDirectory, null, 0, "x.config", null, CancellationToken.None));
    }

    [Fact]
    public async Task EnsureAsync_PortUnknownYet_WritesNoKubeconfigAndCallerWritesItLater()
    {
        using var material = await SecureServingBootstrap.EnsureAsync(
            new SecureServingOptions { DataDirectory = DataDirectory, TimeProvider = _clock }, logger: null, CancellationToken.None);
        var path = Path.Combine(DataDirectory, "late.config");

        await material.WriteAdminKubeconfigAsync(path, "https://127.0.0.1:40001", CancellationToken.None);

        Assert.Null(material.KubeconfigPath);
        Assert.Equal("https://127.0.0.1:0", material.ServerUrl);
        Assert.Equal("https://127.0.0.1:40001", (await KubeconfigReader.ReadAsync(path, CancellationToken.None)).FindCluster("karmada-apiserver")?.Server);
        FileModes.AssertMode(FileModes.OwnerOnly, path);
    }

    [Theory]
    [InlineData(null, "https://127.0.0.1:6443")]
    [InlineData("", "https://127.0.0.1:6443")]
    [InlineData("0.0.0.0", "https://127.0.0.1:6443")]
    [InlineData("::", "https://127.0.0.1:6443")]
    [InlineData("::1", "https://[::1]:6443")]
    [InlineData("[fd00::1]", "https://[fd00::1]:6443")]
    [InlineData("192.168.1.10", "https://192.168.1.10:6443")]
    [InlineData("karmada.example.com", "https://karmada.example.com:6443")]
    public void BuildServerUrl_FormatsHostForAUrl(string? advertiseAddress, string expected)
    {
        Assert.Equal(expected, SecureServingBootstrap.BuildServerUrl(advertiseAddress, 6443));
    }

    private Task<SecureServingMaterial> EnsureAsync(string? advertiseAddress) =>
        SecureServingBootstrap.EnsureAsync(
            new SecureServingOptions
            {
                DataDirectory = DataDirectory,
                AdvertiseAddress = advertiseAddress,
                Port = 6443,
                KubeconfigFileName = "karmada-apiserver.config",
                TimeProvider = _clock,
            },
            logger: null,
            CancellationToken.None);
}
