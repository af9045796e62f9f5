using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Core;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Scheduler.Estimation;

namespace Karmada.Scheduler.Tests.Estimation;

public sealed class GeneralEstimatorTests
{
    private readonly GeneralEstimator _estimator = new();

    [Fact]
    public void MaxAvailableReplicas_NoResourceSummary_IsZero()
    {
        Assert.Equal(0, _estimator.MaxAvailableReplicas(Objects.Cluster("member1"), null));
    }

    [Fact]
    public void MaxAvailableReplicas_NoRequirements_IsFreePodSlots()
    {
        var cluster = Summary(allocatable: new() { ["pods"] = "110" }, allocated: new() { ["pods"] = "30" }, allocating: new() { ["pods"] = "5" });

        Assert.Equal(75, _estimator.MaxAvailableReplicas(cluster, null));
    }

    [Fact]
    public void MaxAvailableReplicas_CpuAndMemoryRequests_TakesTheScarcestResource()
    {
        var cluster = Summary(
            allocatable: new() { ["pods"] = "100", ["cpu"] = "4", ["memory"] = "16Gi" },
            allocated: new() { ["cpu"] = "1500m", ["memory"] = "2Gi" });

        // cpu: 2500m / 250m = 10; memory: 14Gi / 1Gi = 14.
        Assert.Equal(10, _estimator.MaxAvailableReplicas(cluster, Requests(("cpu", "250m"), ("memory", "1Gi"))));
    }

    [Fact]
    public void MaxAvailableReplicas_RequestedResourceMissing_IsZero()
    {
        var cluster = Summary(allocatable: new() { ["pods"] = "100", ["cpu"] = "4" });

        Assert.Equal(0, _estimator.MaxAvailableReplicas(cluster, Requests(("nvidia.com/gpu", "1"))));
    }

    [Fact]
    public void MaxAvailableReplicas_ResourceModels_CountsReplicasPerGradeNode()
    {
        var cluster = Summary(allocatable: new() { ["pods"] = "100", ["cpu"] = "100" });
        cluster.Spec.ResourceModels =
        [
            Grade(0, "0", "2"),
            Grade(1, "2", "4"),
            Grade(2, "4", "9223372036854775807"),
        ];
        cluster.Status.ResourceSummary!.AllocatableModelings = [new() { Grade = 0, Count = 5 }, new() { Grade = 1, Count = 2 }, new() { Grade = 2, Count = 1 }];

        // 1.5 cpu needs grade 1 or above: 2 nodes x floor(2/1.5) + 1 node x floor(4/1.5) = 2 + 2.
        Assert.Equal(4, _estimator.MaxAvailableReplicas(cluster, Requests(("cpu", "1500m"))));
        Assert.Equal(66, new GeneralEstimator(customizedClusterResourceModeling: false).MaxAvailableReplicas(cluster, Requests(("cpu", "1500m"))));
    }

    private static ResourceModel Grade(int grade, string min, string max) =>
        new() { Grade = grade, Ranges = [new ResourceModelRange { Name = "cpu", Min = min, Max = max }] };

    private static ReplicaRequirements Requests(params (string Name, string Quantity)[] requests) =>
        new() { ResourceRequest = new ResourceList(requests.Select(r => KeyValuePair.Create(r.Name, r.Quantity))) };

    private static Cluster Summary(Dictionary<string, string> allocatable, Dictionary<string, string>? allocated = null, Dictionary<string, string>? allocating = null)
    {
        var cluster = Objects.Cluster("member1");
        cluster.Status.ResourceSummary = new ResourceSummary
        {
            Allocatable = new ResourceList(allocatable),
            Allocated = new ResourceList(allocated ?? []),
            Allocating = new ResourceList(allocating ?? []),
        };
        return cluster;
    }
}
