using Karmada.Controllers.Status;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Controllers.Tests.Status;

public sealed class ClusterStatusTriggerTests
{
    [Fact]
    public void Only_a_new_generation_or_a_deletion_calls_for_an_early_probe()
    {
        var old = Cluster(generation: 1);
        var statusWritten = Cluster(generation: 1);
        statusWritten.Status.KubernetesVersion = "v1.31.0";
        Assert.False(ClusterStatusController.IsProbeWorthy(old, statusWritten));

        Assert.True(ClusterStatusController.IsProbeWorthy(old, Cluster(generation: 2)));

        var deleting = Cluster(generation: 1);
        deleting.Metadata.DeletionTimestamp = DateTimeOffset.UnixEpoch;
        Assert.True(ClusterStatusController.IsProbeWorthy(old, deleting));
    }

    private static ClusterV1Alpha1.Cluster Cluster(long generation)
    {
        var cluster = new ClusterV1Alpha1.Cluster();
        cluster.Metadata.Name = "member1";
        cluster.Metadata.Generation = generation;
        return cluster;
    }
}
