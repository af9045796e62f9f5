using System.Text.Json.Nodes;
using Karmada.Api;
using Karmada.Api.Meta;
using Karmada.Controllers.Status;
using Karmada.Patching.Json;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Controllers.Tests.Status;

public sealed class ClusterStatusPatchTests
{
    private static readonly DateTimeOffset Then = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void NothingChanged_NoPatch()
    {
        var basis = Basis();

        Assert.Null(ClusterStatusPatch.Build(basis, basis.DeepClone().Status));
    }

    [Fact]
    public void ChangedSummary_PatchesOnlyTheChangedQuantities_RemovedOnesAsNull()
    {
        var basis = Basis();
        var collected = basis.DeepClone().Status;
        collected.ResourceSummary!.Allocated = new() { ["pods"] = "2" };

        var patch = ClusterStatusPatch.Build(basis, collected);

        var expected = JsonNode.Parse("""{"metadata":{"resourceVersion":"7"},"status":{"resourceSummary":{"allocated":{"cpu":null,"pods":"2"}}}}""");
        Assert.True(JsonNode.DeepEquals(expected, patch), patch?.ToJsonString());
    }

    [Fact]
    public void ApiEnablements_AreWrittenOnlyWhenTheyChanged()
    {
        var basis = Basis();
        var sameApis = basis.DeepClone().Status;
        sameApis.NodeSummary!.ReadyNum = 1;
        var newApis = basis.DeepClone().Status;
        newApis.ApiEnablements.Add(new() { GroupVersion = "example.io/v1", Resources = [new() { Name = "widgets", Kind = "Widget" }] });

        var withoutApis = ClusterStatusPatch.Build(basis, sameApis)!;
        var withApis = ClusterStatusPatch.Build(basis, newApis)!;

        Assert.False(withoutApis["status"]!.AsObject().ContainsKey("apiEnablements"));
        Assert.Equal(3, withApis["status"]!["apiEnablements"]!.AsArray().Count);
        Assert.Equal(["apiEnablements"], withApis["status"]!.AsObject().Select(p => p.Key));
    }

    [Theory]
    [InlineData("version")]
    [InlineData("apis")]
    [InlineData("ready")]
    [InlineData("newCondition")]
    [InlineData("nodes")]
    [InlineData("summary")]
    [InlineData("noSummary")]
    public void ThePatchOverTheStoredCluster_GivesTheClusterWithTheCollectedStatus(string change)
    {
        var basis = Basis();
        var collected = basis.DeepClone().Status;
        switch (change)
        {
            case "version":
                collected.KubernetesVersion = "v1.32.1";
                break;
            case "apis":
                collected.ApiEnablements.RemoveAt(1);
                collected.ApiEnablements[0].Resources.Add(new() { Name = "services", Kind = "Service" });
                break;
            case "ready":
                collected.Conditions[0].Status = ConditionStatus.False;
                collected.Conditions[0].Reason = "ClusterNotReachable";
                collected.Conditions[0].LastTransitionTime = Then.AddMinutes(5);
                break;
            case "newCondition":
                collected.Conditions.Add(new Condition { Type = ClusterV1Alpha1.ClusterConditionTypes.CompleteAPIEnablements, Status = ConditionStatus.True, Reason = "CompleteAPIEnablements", LastTransitionTime = Then });
                break;
            case "nodes":
                collected.NodeSummary = new ClusterV1Alpha1.NodeSummary { TotalNum = 3, ReadyNum = 0 };
                break;
            case "summary":
                collected.ResourceSummary!.Allocatable = new() { ["cpu"] = "16", ["ephemeral-storage"] = "100Gi" };
                collected.ResourceSummary.Allocating = [];
                break;
            case "noSummary":
                collected.NodeSummary = null;
                collected.ResourceSummary = null;
                break;
        }

        var patch = ClusterStatusPatch.Build(basis, collected);

        var expected = basis.DeepClone();
        expected.Status = collected;
        var patched = JsonMergePatch.Apply(KarmadaJson.SerializeToNode(basis), patch);
        Assert.Equal(KarmadaJson.Serialize(expected), KarmadaJson.Serialize(KarmadaJson.Deserialize<ClusterV1Alpha1.Cluster>(patched!)));
    }

    private static ClusterV1Alpha1.Cluster Basis() => new()
    {
        Metadata = new ObjectMeta { Name = "m1", ResourceVersion = "7" },
        Spec = new ClusterV1Alpha1.ClusterSpec { SyncMode = ClusterV1Alpha1.ClusterSyncMode.Push, ApiEndpoint = "https://127.0.0.1:6443" },
        Status = new ClusterV1Alpha1.ClusterStatus
        {
            KubernetesVersion = "v1.31.0",
            ApiEnablements =
            [
                new() { GroupVersion = "apps/v1", Resources = [new() { Name = "deployments", Kind = "Deployment" }] },
                new() { GroupVersion = "v1", Resources = [new() { Name = "pods", Kind = "Pod" }] },
            ],
            Conditions = [new Condition { Type = ClusterV1Alpha1.ClusterConditionTypes.Ready, Status = ConditionStatus.True, Reason = "ClusterReady", Message = "cluster is healthy and ready to accept workloads", LastTransitionTime = Then }],
            NodeSummary = new ClusterV1Alpha1.NodeSummary { TotalNum = 2, ReadyNum = 2 },
            ResourceSummary = new ClusterV1Alpha1.ResourceSummary
            {
                Allocatable = new() { ["cpu"] = "8", ["memory"] = "16Gi", ["pods"] = "220" },
                Allocating = new() { ["pods"] = "0" },
                Allocated = new() { ["cpu"] = "500m", ["pods"] = "1" },
                AllocatableModelings = [new() { Grade = 1, Count = 3 }],
            },
        },
    };
}
