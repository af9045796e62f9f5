using k8s;
using k8s.Exceptions;
using Karmada.Security.Certificates;
using Karmada.Security.Kubeconfigs;
using Karmada.Security.Tests.Infrastructure;
using Karmada.Testing;

namespace Karmada.Security.Tests.Kubeconfigs;

public sealed class KubeconfigTests : IDisposable
{
    private readonly TempDirectory _temp = new("karmada-kubeconfig");
    private readonly CertificateAuthority _ca = CertificateAuthority.Create();

    public void Dispose()
    {
        _ca.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task WriteAdminAsync_WritesStandardSchemaWithOwnerOnlyMode()
    {
        using var admin = _ca.IssueClientCertificate("kubernetes-admin", ["system:masters"]);
        var path = Path.Combine(_temp.Path, "karmada-apiserver.config");

        await KubeconfigWriter.WriteAdminAsync(path, "karmada-apiserver", "https://127.0.0.1:6443", _ca.CertificatePem, admin.CertificatePem, admin.PrivateKeyPem, CancellationToken.None);

        FileModes.AssertMode(FileModes.OwnerOnly, path);
        var yaml = await File.ReadAllTextAsync(path);
        Assert.StartsWith("apiVersion: v1\nkind: Config\nclusters:\n", yaml, StringComparison.Ordinal);
        foreach (var key in new[] { "certificate-authority-data:", "client-certificate-data:", "client-key-data:", "current-context: karmada-apiserver", "server: https://127.0.0.1:6443" })
        {
            Assert.Contains(key, yaml, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("token", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("null", yaml, StringComparison.Ordinal);

        var read = await KubeconfigReader.ReadAsync(path, CancellationToken.None);
        Assert.Equal("karmada-apiserver", read.CurrentContext);
        var context = read.FindContext("karmada-apiserver");
        Assert.NotNull(context);
        Assert.Equal(_ca.CertificatePem, Kubeconfig.DecodeData(read.FindCluster(context.Cluster)!.CertificateAuthorityData!));
        var user = read.FindUser(context.User!);
        Assert.Equal(admin.CertificatePem, Kubeconfig.DecodeData(user!.ClientCertificateData!));
        Assert.Equal(admin.PrivateKeyPem, Kubeconfig.DecodeData(user.ClientKeyData!));
    }

    [Fact]
    public async Task BuildConfigFromConfigFile_ClientCertificateKubeconfig_LoadsEcKeyAndCa()
    {
        using var admin = _ca.IssueClientCertificate("kubernetes-admin", ["system:masters"]);
        var path = Path.Combine(_temp.Path, "admin.config");
        await KubeconfigWriter.WriteAdminAsync(path, "c", "https://127.0.0.1:6443", _ca.CertificatePem, admin.CertificatePem, admin.PrivateKeyPem, CancellationToken.None);

        var configuration = KubernetesClientConfiguration.BuildConfigFromConfigFile(path);

        Assert.Equal("https://127.0.0.1:6443", configuration.Host);
        Assert.False(configuration.SkipTlsVerify);
        Assert.Equal(_ca.Certificate.Thumbprint, Assert.Single(configuration.SslCaCerts).Thumbprint);
        Assert.Equal(Kubeconfig.EncodeData(admin.CertificatePem), configuration.ClientCertificateData);
        Assert.Equal(Kubeconfig.EncodeData(admin.PrivateKeyPem), configuration.ClientCertificateKeyData);

        // The client turns the PEM pair into an X509Certificate2 in its constructor; an EC key it could not read would throw here.
        using var client = new Kubernetes(configuration);
    }

    [Fact]
    public async Task BuildConfigFromConfigFile_TokenKubeconfig_UsesToken()
    {
        var path = Path.Combine(_temp.Path, "token.config");
        await KubeconfigWriter.WriteAsync(path, KubeconfigWriter.CreateForToken("c", "https://[::1]:6443", _ca.CertificatePem, "0123456789"), CancellationToken.None);

        var configuration = KubernetesClientConfiguration.BuildConfigFromConfigFile(path);

        Assert.Equal("0123456789", configuration.AccessToken);
        Assert.Equal("https://[::1]:6443", configuration.Host);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("0x1F")]
    [InlineData("- dash")]
    [InlineData("#hash")]
    public void Serialize_ScalarsThatLookLikeOtherYamlTypes_ReadBackAsStrings(string token)
    {
        var config = KubeconfigWriter.CreateForToken("c", "https://h:1", _ca.CertificatePem, token);

        var read = KubeconfigReader.Parse(KubeconfigWriter.Serialize(config));

        Assert.Equal(token, read.FindUser("c")?.Token);
    }

    [Fact]
    public void Parse_KubectlWrittenConfigWithUnknownFields_IgnoresThem()
    {
        var read = KubeconfigReader.Parse(
            """
            apiVersion: v1
            kind: Config
            preferences: {}
            clusters:
            - cluster:
                server: https://10.0.0.1:6443
                insecure-skip-tls-verify: true
                extensions:
                - name: x
                  extension: {a: b}
              name: remote
            contexts:
            - context: {cluster: remote, user: exec-user, namespace: demo}
              name: remote
            current-context: remote
            users:
            - name: exec-user
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1
                  command: get-token
                tokenFile: /var/run/token
            """);

        Assert.True(read.FindCluster("remote")?.InsecureSkipTlsVerify);
        Assert.Equal("demo", read.FindContext("remote")?.Namespace);
        Assert.Equal("/var/run/token", read.FindUser("exec-user")?.TokenFile);
    }

    [Fact]
    public void Parse_EmptyDocumentOrNullLists_GivesEmptyConfig()
    {
        Assert.Empty(KubeconfigReader.Parse(string.Empty).Clusters);
        var read = KubeconfigReader.Parse("apiVersion: v1\nkind: Config\nclusters:\nusers:\n");
        Assert.Empty(read.Clusters);
        Assert.Empty(read.Users);
        Assert.Empty(read.Contexts);
    }

    [Fact]
    public void Parse_NotYaml_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => KubeconfigReader.Parse("clusters: [unclosed"));
    }

    [Fact]
    public async Task BuildConfigFromConfigFile_ContextWithoutCredentials_IsRejectedByTheCSharpClient()
    {
        // Documents why admin kubeconfigs always carry credentials: KubernetesClient refuses a user without any.
        var config = KubeconfigWriter.CreateForToken("c", "https://127.0.0.1:6443", _ca.CertificatePem, "t");
        config.Users[0].User.Token = null;
        var path = Path.Combine(_temp.Path, "empty-user.config");
        await KubeconfigWriter.WriteAsync(path, config, CancellationToken.None);

        Assert.Throws<KubeConfigException>(() => KubernetesClientConfiguration.BuildConfigFromConfigFile(path));
    }
}
