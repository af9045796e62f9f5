using k8s;
using Karmada.ApiServer.Hosting;
using Karmada.Client;
using Karmada.Controllers.Status;
using Karmada.Storage;
using Karmada.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Controllers.Tests.Status;

/// <summary>API enablements from a real in-process member API server, by aggregated and by legacy discovery.</summary>
[Trait("Category", "Integration")]
public sealed class ApiEnablementCollectorTests : IAsyncLifetime
{
    private readonly TempDirectory _memberDir = new("enablements-it");
    private ApiServerInstance _member = null!;
    private KubeApiClient _client = null!;

    public async Task InitializeAsync()
    {
        _member = await ApiServerApplication.StartAsync(
            new ApiServerOptions
            {
                DataDirectory = _memberDir.Path,
                SecurePort = 0,
                Name = "member1",
                Storage = new StorageOptions { Backend = StorageBackend.Memory },
            },
            NullLoggerFactory.Instance,
            null,
            CancellationToken.None);
        var configuration = await KubernetesClientConfiguration.BuildConfigFromConfigFileAsync(new FileInfo(_member.KubeconfigPath));
        _client = new KubeApiClient(configuration);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _member.DisposeAsync();
        _memberDir.Dispose();
    }

    [Fact]
    public async Task AggregatedDiscovery_GivesTheSameEnablementsAsTheLegacyDocuments()
    {
        var (aggregated, aggregatedComplete) = await ApiEnablementCollector.CollectAsync(_client, aggregated: true, CancellationToken.None);
        var (legacy, legacyComplete) = await ApiEnablementCollector.CollectAsync(_client, aggregated: false, CancellationToken.None);

        Assert.True(aggregatedComplete);
        Assert.True(legacyComplete);
        Assert.True(ApiEnablementCollector.AreEqual(aggregated, legacy), $"aggregated [{Describe(aggregated)}] != legacy [{Describe(legacy)}]");
        var core = Assert.Single(aggregated, e => e.GroupVersion == "v1");
        Assert.Contains(core.Resources, r => r.Name == "pods" && r.Kind == "Pod");
        Assert.Contains(aggregated, e => e.GroupVersion == "apps/v1" && e.Resources.Exists(r => r.Name == "deployments" && r.Kind == "Deployment"));
        Assert.DoesNotContain(aggregated.SelectMany(e => e.Resources), r => r.Name.Contains('/', StringComparison.Ordinal));
        Assert.Equal(aggregated.Select(e => e.GroupVersion).Order(StringComparer.Ordinal), aggregated.Select(e => e.GroupVersion));
    }

    [Fact]
    public async Task UnreachableMember_GivesNoEnablementsAndIncomplete()
    {
        var configuration = new KubernetesClientConfiguration { Host = $"https://127.0.0.1:{FreePort.Next()}", SkipTlsVerify = true, AccessToken = "x" };
        using var unreachable = new KubeApiClient(configuration);

        var (enablements, complete) = await ApiEnablementCollector.CollectAsync(unreachable, CancellationToken.None);

        Assert.Empty(enablements);
        Assert.False(complete);
    }

    [Fact]
    public void AreEqual_ComparesGroupVersionsResourceNamesAndKinds()
    {
        static List<ClusterV1Alpha1.APIEnablement> List(string kind) =>
            [new() { GroupVersion = "apps/v1", Resources = [new() { Name = "deployments", Kind = kind }] }];

        Assert.True(ApiEnablementCollector.AreEqual(List("Deployment"), List("Deployment")));
        Assert.False(ApiEnablementCollector.AreEqual(List("Deployment"), List("Other")));
        Assert.False(ApiEnablementCollector.AreEqual(List("Deployment"), []));
    }

    private static string Describe(List<ClusterV1Alpha1.APIEnablement> list) =>
        string.Join("; ", list.Select(e => $"{e.GroupVersion}: {string.Join(",", e.Resources.Select(r => $"{r.Name}/{r.Kind}"))}"));
}
