using k8s;
using Karmada.ApiServer.Hosting;
using Karmada.Client;
using Karmada.Controllers.Status;
using Karmada.Storage;
using Karmada.Testing;
using Karmada.Testing.ControlPlane;
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
        var (aggregated, aggregatedComplete) = await ApiEnablementCollector.CollectAsync(_client, aggregated: true, cache: null, CancellationToken.None);
        var (legacy, legacyComplete) = await ApiEnablementCollector.CollectAsync(_client, aggregated: false, cache: null, CancellationToken.None);

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
    public async Task AggregatedDiscovery_AnswersItsOwnETagWithNotModified()
    {
        var first = await _client.GetRawIfNoneMatchAsync("/apis", ApiEnablementCollector.AggregatedAccept, null, JsonObjectMeta.TypeInfo, CancellationToken.None);
        var again = await _client.GetRawIfNoneMatchAsync("/apis", ApiEnablementCollector.AggregatedAccept, first.ETag, JsonObjectMeta.TypeInfo, CancellationToken.None);
        var other = await _client.GetRawIfNoneMatchAsync("/apis", ApiEnablementCollector.AggregatedAccept, "\"other\"", JsonObjectMeta.TypeInfo, CancellationToken.None);
        var core = await _client.GetRawIfNoneMatchAsync("/api", ApiEnablementCollector.AggregatedAccept, first.ETag, JsonObjectMeta.TypeInfo, CancellationToken.None);

        Assert.NotNull(first.ETag);
        Assert.Equal("APIGroupDiscoveryList", first.Body?["kind"]?.GetValue<string>());
        Assert.True(again.NotModified);
        Assert.Equal(first.ETag, again.ETag);
        Assert.Equal(first.ETag, other.ETag);
        Assert.False(other.NotModified);
        Assert.False(core.NotModified);
        Assert.NotEqual(first.ETag, core.ETag);
    }

    [Fact]
    public async Task WithACache_UnchangedDiscoveryGivesTheSameList_AndANewCustomResourceIsSeen()
    {
        var cache = new ApiEnablementCache();
        var (first, firstComplete) = await ApiEnablementCollector.CollectAsync(_client, cache, CancellationToken.None);
        var (second, secondComplete) = await ApiEnablementCollector.CollectAsync(_client, cache, CancellationToken.None);
        var (uncached, _) = await ApiEnablementCollector.CollectAsync(_client, CancellationToken.None);

        Assert.True(firstComplete);
        Assert.True(secondComplete);
        Assert.Same(first, second);
        Assert.True(ApiEnablementCollector.AreEqual(first, uncached));

        var crd = TestCustomResources.WidgetDefinition();
        await _client.CreateAsync(new ResourceRef("apiextensions.k8s.io", "v1", "customresourcedefinitions", Namespaced: false), crd);
        List<ClusterV1Alpha1.APIEnablement> withWidgets = [];
        await Eventually.UntilAsync(
            async () =>
            {
                (withWidgets, _) = await ApiEnablementCollector.CollectAsync(_client, cache, CancellationToken.None);
                return withWidgets.Exists(e => e.GroupVersion == "example.io/v1");
            },
            TimeSpan.FromSeconds(30),
            "the new group in the cached collection");

        var widgets = Assert.Single(withWidgets, e => e.GroupVersion == "example.io/v1");
        Assert.Equal(("widgets", "Widget"), (Assert.Single(widgets.Resources).Name, widgets.Resources[0].Kind));
        var (afterwards, _) = await ApiEnablementCollector.CollectAsync(_client, CancellationToken.None);
        Assert.True(ApiEnablementCollector.AreEqual(withWidgets, afterwards));
        Assert.Equal(first.Count + 1, withWidgets.Count);
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
