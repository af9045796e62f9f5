using Karmada.Client;

namespace Karmada.Agent.Tests;

public sealed class ClusterLeaseTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_HeldByCluster_InKarmadaCluster_OwnedByCluster()
    {
        var lease = ClusterLease.Create("member1", "uid-1", TimeSpan.FromSeconds(40), Now);

        Assert.Equal("coordination.k8s.io/v1", lease["apiVersion"]!.GetValue<string>());
        Assert.Equal("member1", JsonObjectMeta.GetName(lease));
        Assert.Equal("karmada-cluster", JsonObjectMeta.GetNamespace(lease));
        Assert.Equal("member1", lease["spec"]!["holderIdentity"]!.GetValue<string>());
        Assert.Equal(40, lease["spec"]!["leaseDurationSeconds"]!.GetValue<int>());
        Assert.Equal(Now, ClusterLease.RenewTime(lease));
        var owner = lease["metadata"]!["ownerReferences"]![0]!;
        Assert.Equal(("cluster.karmada.io/v1alpha1", "Cluster", "member1", "uid-1"), (owner["apiVersion"]!.GetValue<string>(), owner["kind"]!.GetValue<string>(), owner["name"]!.GetValue<string>(), owner["uid"]!.GetValue<string>()));
    }

    [Fact]
    public void Renew_MovesRenewTime_KeepsMetadata_DoesNotTouchOriginal()
    {
        var lease = ClusterLease.Create("member1", "uid-1", TimeSpan.FromSeconds(40), Now);
        lease["metadata"]!["resourceVersion"] = "7";

        var renewed = ClusterLease.Renew(lease, "member1", TimeSpan.FromSeconds(1.5), Now.AddSeconds(10));

        Assert.Equal(Now.AddSeconds(10), ClusterLease.RenewTime(renewed));
        Assert.Equal(2, renewed["spec"]!["leaseDurationSeconds"]!.GetValue<int>());
        Assert.Equal("7", JsonObjectMeta.GetResourceVersion(renewed));
        Assert.Equal(Now, ClusterLease.RenewTime(lease));
    }

    [Fact]
    public void RenewTime_MissingOrGarbled_IsNull()
    {
        Assert.Null(ClusterLease.RenewTime(new System.Text.Json.Nodes.JsonObject()));
        Assert.Null(ClusterLease.RenewTime(new System.Text.Json.Nodes.JsonObject { ["spec"] = new System.Text.Json.Nodes.JsonObject { ["renewTime"] = "yesterday" } }));
    }
}
