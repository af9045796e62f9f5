using System.Globalization;
using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Core;
using Karmada.Api.Meta;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Api.WellKnown;
using Karmada.Api.Work.V1Alpha2;

namespace Karmada.Bench.Workloads.Scheduler;

/// <summary>
/// The clusters and bindings of the scheduler workload. Bindings rotate through three placements: Duplicated onto
/// three named clusters, Divided by equal static weights over every cluster, and Divided Aggregated (the estimator
/// path) over every cluster.
/// </summary>
public static class SchedulerBenchObjects
{
    public const string Namespace = "default";

    public static string ClusterName(int index) => string.Create(CultureInfo.InvariantCulture, $"member-{index:D4}");

    public static string BindingName(string phase, int index) => string.Create(CultureInfo.InvariantCulture, $"{phase}-{index:D6}");

    public static Cluster ReadyCluster(int index) => new()
    {
        Metadata = new ObjectMeta
        {
            Name = ClusterName(index),
            Labels = new() { ["topology.karmada.io/region"] = string.Create(CultureInfo.InvariantCulture, $"region-{index % 4}") },
        },
        Spec = new ClusterSpec { SyncMode = ClusterSyncMode.Push, Region = string.Create(CultureInfo.InvariantCulture, $"region-{index % 4}") },
        Status = ReadyStatus(),
    };

    public static ClusterStatus ReadyStatus() => new()
    {
        KubernetesVersion = "v1.31.0",
        Conditions = [new Condition { Type = ClusterConditionTypes.Ready, Status = ConditionStatus.True, Reason = ClusterConditionReasons.ClusterReady, Message = "cluster is healthy and ready to accept workloads", LastTransitionTime = DateTimeOffset.UtcNow }],
        ApiEnablements =
        [
            new APIEnablement { GroupVersion = "v1", Resources = [new APIResource { Name = "services", Kind = "Service" }, new APIResource { Name = "configmaps", Kind = "ConfigMap" }] },
            new APIEnablement { GroupVersion = "apps/v1", Resources = [new APIResource { Name = "deployments", Kind = "Deployment" }] },
        ],
        ResourceSummary = new ResourceSummary
        {
            Allocatable = new() { [ResourceNames.Pods] = "1100", [ResourceNames.Cpu] = "400", [ResourceNames.Memory] = "1600Gi" },
        },
    };

    public static ResourceBinding Binding(string phase, int index, int clusters)
    {
        var name = BindingName(phase, index);
        var (replicas, placement) = (index % 3) switch
        {
            0 => (2, Duplicated(index, clusters)),
            1 => (10, StaticEqualWeights()),
            _ => (10, Aggregated()),
        };
        return new ResourceBinding
        {
            Metadata = new ObjectMeta
            {
                Name = name,
                Namespace = Namespace,
                Labels = new() { [WellKnownLabels.PropagationPolicyPermanentId] = "bench-policy" },
            },
            Spec = new ResourceBindingSpec
            {
                Resource = new Api.Work.V1Alpha2.ObjectReference { ApiVersion = "apps/v1", Kind = "Deployment", Namespace = Namespace, Name = name },
                Replicas = replicas,
                Placement = placement,
            },
        };
    }

    private static Placement Duplicated(int index, int clusters) => new()
    {
        ClusterAffinity = new ClusterAffinity { ClusterNames = [.. Enumerable.Range(0, Math.Min(3, clusters)).Select(i => ClusterName((index + i) % clusters))] },
        ReplicaScheduling = new ReplicaSchedulingStrategy { ReplicaSchedulingType = ReplicaSchedulingType.Duplicated },
    };

    private static Placement StaticEqualWeights() => new()
    {
        ReplicaScheduling = new ReplicaSchedulingStrategy
        {
            ReplicaSchedulingType = ReplicaSchedulingType.Divided,
            ReplicaDivisionPreference = ReplicaDivisionPreference.Weighted,
        },
    };

    private static Placement Aggregated() => new()
    {
        ReplicaScheduling = new ReplicaSchedulingStrategy
        {
            ReplicaSchedulingType = ReplicaSchedulingType.Divided,
            ReplicaDivisionPreference = ReplicaDivisionPreference.Aggregated,
        },
    };
}
