using System.Globalization;
using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Core;
using Karmada.Api.Meta;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Api.WellKnown;
using Karmada.Api.Work.V1Alpha2;

namespace Karmada.Bench.Workloads.Scheduler;

/// <summary>
/// The clusters and bindings of the scheduler workload. Clusters come in four regions and five sizes (and some of
/// each is already allocated) so that dynamic weights and aggregation have different answers per cluster; every
/// binding requests resources per replica so the general estimator has work.
/// </summary>
public static class SchedulerBenchObjects
{
    public const string Namespace = "default";

    private const int Regions = 4;
    private const string RegionLabel = "topology.karmada.io/region";

    public static string ClusterName(int index) => string.Create(CultureInfo.InvariantCulture, $"member-{index:D4}");

    public static string BindingName(string phase, int index) => string.Create(CultureInfo.InvariantCulture, $"{phase}-{index:D6}");

    private static string Region(int index) => string.Create(CultureInfo.InvariantCulture, $"region-{index % Regions}");

    public static Cluster ReadyCluster(int index) => new()
    {
        Metadata = new ObjectMeta
        {
            Name = ClusterName(index),
            Labels = new() { [RegionLabel] = Region(index) },
        },
        Spec = new ClusterSpec { SyncMode = ClusterSyncMode.Push, Region = Region(index) },
        Status = ReadyStatus(index),
    };

    public static ClusterStatus ReadyStatus(int index)
    {
        // 100 to 500 cores; a fifth to a third already used, so free capacity differs from cluster to cluster.
        var cores = 100 * (1 + (index % 5));
        var usedCores = cores / (3 + (index % 3));
        return new()
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
                Allocatable = new()
                {
                    [ResourceNames.Pods] = Quantity(cores * 11),
                    [ResourceNames.Cpu] = Quantity(cores),
                    [ResourceNames.Memory] = Quantity(cores * 4) + "Gi",
                },
                Allocated = new()
                {
                    [ResourceNames.Pods] = Quantity(usedCores * 5),
                    [ResourceNames.Cpu] = Quantity(usedCores),
                    [ResourceNames.Memory] = Quantity(usedCores * 4) + "Gi",
                },
            },
        };
    }

    public static ResourceBinding Binding(string phase, int index, int clusters, SchedulerBenchStrategy strategy)
    {
        var name = BindingName(phase, index);
        var (replicas, placement) = strategy switch
        {
            SchedulerBenchStrategy.Duplicated => (2, Duplicated(index, clusters)),
            SchedulerBenchStrategy.Static => (10, StaticRegionWeights()),
            SchedulerBenchStrategy.Dynamic => (10, DynamicWeights()),
            SchedulerBenchStrategy.Aggregated => (10, Aggregated()),
            _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, null),
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
                ReplicaRequirements = new ReplicaRequirements
                {
                    Namespace = Namespace,
                    ResourceRequest = new() { [ResourceNames.Cpu] = "500m", [ResourceNames.Memory] = "1Gi" },
                },
                Placement = placement,
            },
        };
    }

    private static string Quantity(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static Placement Duplicated(int index, int clusters) => new()
    {
        ClusterAffinity = new ClusterAffinity { ClusterNames = [.. Enumerable.Range(0, Math.Min(3, clusters)).Select(i => ClusterName((index + i) % clusters))] },
        ReplicaScheduling = new ReplicaSchedulingStrategy { ReplicaSchedulingType = ReplicaSchedulingType.Duplicated },
    };

    // One weight per region (1..4) rather than per cluster name, so the binding stays the same size at 1,000 clusters.
    private static Placement StaticRegionWeights() => new()
    {
        ReplicaScheduling = new ReplicaSchedulingStrategy
        {
            ReplicaSchedulingType = ReplicaSchedulingType.Divided,
            ReplicaDivisionPreference = ReplicaDivisionPreference.Weighted,
            WeightPreference = new ClusterPreferences
            {
                StaticWeightList =
                [
                    .. Enumerable.Range(0, Regions).Select(r => new StaticClusterWeight
                    {
                        TargetCluster = new ClusterAffinity { LabelSelector = new LabelSelector { MatchLabels = new() { [RegionLabel] = Region(r) } } },
                        Weight = r + 1,
                    }),
                ],
            },
        },
    };

    private static Placement DynamicWeights() => new()
    {
        ReplicaScheduling = new ReplicaSchedulingStrategy
        {
            ReplicaSchedulingType = ReplicaSchedulingType.Divided,
            ReplicaDivisionPreference = ReplicaDivisionPreference.Weighted,
            WeightPreference = new ClusterPreferences { DynamicWeight = DynamicWeightFactor.AvailableReplicas },
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
