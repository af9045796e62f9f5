using System.Text.Json.Nodes;
using Karmada.Client;
using Karmada.Controllers.Members;
using Karmada.Testing.ControlPlane;
using Microsoft.Extensions.Logging.Abstractions;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Controllers.Tests.Members;

/// <summary>Many workers meeting a new member at once, against a real in-process control plane holding its Secret.</summary>
[Trait("Category", "Integration")]
public sealed class MemberClusterClientsConcurrencyTests : IAsyncLifetime
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(1));
    private InProcessControlPlane _controlPlane = null!;
    private KubeApiClient _cp = null!;

    public async Task InitializeAsync()
    {
        _controlPlane = await InProcessControlPlane.StartAsync(new InProcessControlPlaneOptions { DirectoryPrefix = "cp-member-clients" }, _timeout.Token);
        _cp = _controlPlane.Client;
    }

    public async Task DisposeAsync()
    {
        await _controlPlane.DisposeAsync();
        _timeout.Dispose();
    }

    [Fact]
    public async Task GetAsync_ConcurrentFirstCalls_ShareOneClient_UntilTheSecretChanges()
    {
        await _cp.CreateAsync(ResourceRef.Secrets, Secret("t1"), cancellationToken: _timeout.Token);
        var cluster = new ClusterV1Alpha1.Cluster
        {
            Metadata = { Name = "m1" },
            Spec = new ClusterV1Alpha1.ClusterSpec
            {
                ApiEndpoint = "https://127.0.0.1:1",
                InsecureSkipTlsVerification = true,
                SecretRef = new ClusterV1Alpha1.LocalSecretReference { Namespace = "karmada-cluster", Name = "m1" },
            },
        };
        using var clients = new MemberClusterClients(_cp, new ControllerManagerOptions(), TimeProvider.System, NullLoggerFactory.Instance);

        var first = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => clients.GetAsync(cluster, _timeout.Token))));
        Assert.All(first, c => Assert.Same(first[0], c));

        // Rotated credentials: one new client, again shared.
        var secret = await _cp.GetAsync(ResourceRef.Secrets, "karmada-cluster", "m1", _timeout.Token);
        secret["data"] = Secret("t2")["data"]!.DeepClone();
        await _cp.UpdateAsync(ResourceRef.Secrets, secret, cancellationToken: _timeout.Token);
        var second = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => clients.GetAsync(cluster, _timeout.Token))));
        Assert.All(second, c => Assert.Same(second[0], c));
        Assert.NotSame(first[0], second[0]);
    }

    private static JsonObject Secret(string token) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Secret",
        ["metadata"] = new JsonObject { ["name"] = "m1", ["namespace"] = "karmada-cluster" },
        ["data"] = new JsonObject { ["token"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(token)) },
    };
}
