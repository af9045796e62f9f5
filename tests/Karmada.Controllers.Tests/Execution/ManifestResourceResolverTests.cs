using System.Diagnostics.Metrics;
using Karmada.Client;
using Karmada.Controllers.Execution;
using Karmada.Testing.ControlPlane;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Controllers.Tests.Execution;

/// <summary>Kind-to-resource lookups against a real in-process API server standing in for a member.</summary>
[Trait("Category", "Integration")]
public sealed class ManifestResourceResolverTests : IAsyncLifetime
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(1));
    private readonly string _agent = "resolver-test-" + Guid.NewGuid().ToString("N");
    private InProcessControlPlane _member = null!;
    private KubeApiClient _client = null!;

    public async Task InitializeAsync()
    {
        _member = await InProcessControlPlane.StartAsync(new InProcessControlPlaneOptions { DirectoryPrefix = "resolver-member" }, _timeout.Token);
        _client = await KubeApiClient.FromKubeconfigAsync(_member.KubeconfigPath, options: new KubeApiClientOptions { UserAgent = _agent, Qps = 0 });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _member.DisposeAsync();
        _timeout.Dispose();
    }

    [Fact]
    public async Task ResolveAsync_ConcurrentFirstLookups_ShareOneDiscoveryRequest_ThenAnswerFromTheCache()
    {
        using var requests = new RequestCounter(_agent);
        var resolver = new ManifestResourceResolver();

        var first = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => resolver.ResolveAsync("m1", _client, "apps/v1", "Deployment", _timeout.Token))));

        Assert.All(first, r => Assert.Equal(new ResourceRef("apps", "v1", "deployments", Namespaced: true), r));
        Assert.Equal(1, requests.Count);
        Assert.Equal(first[0], await resolver.ResolveAsync("m1", _client, "apps/v1", "Deployment", _timeout.Token));
        Assert.Equal(1, requests.Count);

        // Another cluster is asked on its own.
        Assert.Equal(first[0], await resolver.ResolveAsync("m2", _client, "apps/v1", "Deployment", _timeout.Token));
        Assert.Equal(2, requests.Count);
    }

    [Fact]
    public async Task ResolveAsync_ClusterListingTheKind_IsAnsweredFromAnotherClustersDiscovery()
    {
        using var requests = new RequestCounter(_agent);
        var resolver = new ManifestResourceResolver();
        List<ClusterV1Alpha1.APIEnablement> served =
        [
            new() { GroupVersion = "apps/v1", Resources = [new() { Name = "deployments/scale", Kind = "Scale" }, new() { Name = "deployments", Kind = "Deployment" }] },
        ];

        // Nothing known of the scope yet: the first cluster is asked even though it lists the kind.
        var first = await resolver.ResolveAsync("m1", _client, "apps/v1", "Deployment", served, _timeout.Token);
        Assert.Equal(new ResourceRef("apps", "v1", "deployments", Namespaced: true), first);
        Assert.Equal(1, requests.Count);

        // Another cluster listing it is answered without a request; one that does not list it is asked.
        Assert.Equal(first, await resolver.ResolveAsync("m2", _client, "apps/v1", "Deployment", served, _timeout.Token));
        Assert.Equal(1, requests.Count);
        Assert.Equal(first, await resolver.ResolveAsync("m3", _client, "apps/v1", "Deployment", [new() { GroupVersion = "v1", Resources = [new() { Name = "pods", Kind = "Pod" }] }], _timeout.Token));
        Assert.Equal(2, requests.Count);
    }

    [Fact]
    public async Task ResolveAsync_KindNotServed_IsNotCached()
    {
        using var requests = new RequestCounter(_agent);
        var resolver = new ManifestResourceResolver();

        await Assert.ThrowsAsync<ManifestResourceNotFoundException>(() => resolver.ResolveAsync("m1", _client, "apps/v1", "Widget", _timeout.Token));
        await Assert.ThrowsAsync<ManifestResourceNotFoundException>(() => resolver.ResolveAsync("m1", _client, "apps/v1", "Widget", _timeout.Token));

        // A CRD may be installed meanwhile: each lookup asks again.
        Assert.Equal(2, requests.Count);
    }

    /// <summary>Counts the requests of one client (by its user agent) through the client's own instrument.</summary>
    private sealed class RequestCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _count;

        public RequestCounter(string agent)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Name == "rest_client_requests_total")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Value is string text && text == agent)
                    {
                        Interlocked.Add(ref _count, value);
                    }
                }
            });
            _listener.Start();
        }

        public long Count => Interlocked.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }
}
