using System.Text.Json.Nodes;
using Karmada.Api;
using Karmada.Api.Meta;
using Karmada.Client;
using Karmada.Controllers.Cluster;
using Karmada.Controllers.Runtime;
using Karmada.Controllers.Tests.Propagation;
using Karmada.Testing;
using Karmada.Testing.ControlPlane;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Controllers.Tests.Cluster;

/// <summary>
/// The cluster controller creates a Cluster's execution namespace once and afterwards finds it in its namespace cache:
/// every Cluster change reconciles the Cluster, and a create answered AlreadyExists each time cost a request per
/// cluster per status period (1,000 needless requests per round with 1,000 clusters).
/// </summary>
[Trait("Category", "Integration")]
public sealed class ClusterExecutionSpaceTests : IAsyncLifetime
{
    private const string TestAgent = "execution-space-test";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(2));
    private LoggedControllers _controlPlane = null!;
    private ControlPlaneWriteLog _log = null!;
    private KubeApiClient _test = null!;

    private CancellationToken Ct => _timeout.Token;

    public async Task InitializeAsync()
    {
        _controlPlane = await LoggedControllers.StartAsync("cluster-es", [ClusterController.Name], new KubeApiClientOptions { UserAgent = TestAgent }, Ct);
        _test = _controlPlane.Test;
        _log = _controlPlane.Log;
    }

    public async Task DisposeAsync()
    {
        await _controlPlane.DisposeAsync();
        _timeout.Dispose();
    }

    [Fact]
    public async Task ClusterReconciledAgainAndAgain_CreatesItsExecutionNamespaceOnce()
    {
        var cluster = new ClusterV1Alpha1.Cluster();
        cluster.Metadata.Name = "member1";
        cluster.Spec.SyncMode = ClusterV1Alpha1.ClusterSyncMode.Push;
        cluster.Spec.ApiEndpoint = "https://member1.invalid";
        await _test.CreateAsync(ResourceRefs.Clusters, null, cluster, ClusterMeta.TypeInfo, cancellationToken: Ct);
        await Eventually.UntilAsync(
            async () =>
            {
                try
                {
                    await _test.GetAsync(ResourceRef.Namespaces, null, "karmada-es-member1", Ct);
                    return true;
                }
                catch (ApiException ex) when (ex.IsNotFound())
                {
                    return false;
                }
            },
            Deadline, "execution namespace created", Ct);

        // Each Ready flip is a Cluster reconcile with a visible outcome (the NoSchedule taint follows it).
        foreach (var ready in new[] { ConditionStatus.False, ConditionStatus.True, ConditionStatus.False, ConditionStatus.True })
        {
            // A merge patch without a resourceVersion: the controller writes the Cluster (taints, finalizer) in
            // between, and a read-modify-write would race it with a Conflict.
            var readyCondition = KarmadaJson.SerializeToNode(new Condition
            {
                Type = ClusterV1Alpha1.ClusterConditionTypes.Ready,
                Status = ready,
                Reason = "Test",
                Message = "set by the test",
                LastTransitionTime = DateTimeOffset.UtcNow,
            });
            var patch = new JsonObject { ["status"] = new JsonObject { ["conditions"] = new JsonArray(readyCondition) } };
            await _test.PatchAsync(ResourceRefs.Clusters, null, "member1", PatchType.Merge, patch, new PatchOptions { Subresource = "status" }, Ct);
            await _test.ReadUntilAsync(
                ResourceRefs.Clusters, null, "member1", ClusterMeta.TypeInfo,
                c => c.Spec.Taints.Exists(t => t.Key == ClusterV1Alpha1.ClusterTaintKeys.NotReady) == (ready == ConditionStatus.False),
                Deadline, $"taints follow Ready={ready}", Ct);
        }

        var namespaceCreates = _log.Writes.Where(w => w.UserAgent != TestAgent && w.Method == "POST" && w.Resource == "namespaces").ToList();
        var created = Assert.Single(namespaceCreates);
        Assert.Equal(201, created.StatusCode);
    }
}
