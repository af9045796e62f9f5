using System.Globalization;
using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Core;
using Karmada.Api.Meta;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;

namespace Karmada.Bench.Micro.Scheduler;

/// <summary>
/// Ready clusters with a resource summary spread over four regions, and one binding per strategy. Capacities vary per
/// cluster so scores, sorting and the Webster division do real work.
/// </summary>
internal static class SchedulerMicroObjects
{
    public const int Regions = 4;

    public static ClusterAffinity EnvironmentAffinity() => new()
    {
        LabelSelector = new LabelSelector { MatchLabels = new() { ["environment"] = "prod" } },
    };

    public static string ClusterName(int index) => string.Create(CultureInfo.InvariantCulture, $"member-{index:D4}");

    public static Cluster[] ReadyClusters(int count) => [.. Enumerable.Range(0, count).Select(ReadyCluster)];

    public static ResourceBindingSpec Duplicated() => Workload(3, new Placement
    {
        ClusterAffinity = EnvironmentAffinity(),
        ReplicaScheduling = new ReplicaSchedulingStrategy { ReplicaSchedulingType = ReplicaSchedulingType.Duplicated },
    });

    /// <summary>Weights 1, 2, 3 by name, as users list them in a policy.</summary>
    public static ResourceBindingSpec StaticWeights(int clusters) => Workload(50, new Placement
    {
        ClusterAffinity = EnvironmentAffinity(),
        ReplicaScheduling = new ReplicaSchedulingStrategy
        {
            ReplicaSchedulingType = ReplicaSchedulingType.Divided,
            ReplicaDivisionPreference = ReplicaDivisionPreference.Weighted,
            WeightPreference = new ClusterPreferences
            {
                StaticWeightList = [.. Enumerable.Range(0, clusters).Select(i => new StaticClusterWeight
                {
                    TargetCluster = new ClusterAffinity { ClusterNames = [ClusterName(i)] },
                    Weight = (i % 3) + 1,
                })],
            },
        },
    });

    public static ResourceBindingSpec DynamicWeights() => Workload(50, new Placement
    {
        ClusterAffinity = EnvironmentAffinity(),
        ReplicaScheduling = DynamicWeighting(),
    });

    public static ResourceBindingSpec Aggregated() => Workload(50, new Placement
    {
        ClusterAffinity = EnvironmentAffinity(),
        ReplicaScheduling = new ReplicaSchedulingStrategy
        {
            ReplicaSchedulingType = ReplicaSchedulingType.Divided,
            ReplicaDivisionPreference = ReplicaDivisionPreference.Aggregated,
        },
    });

    /// <summary>Dynamic weights over 2 of the 4 regions and 3 to 6 clusters.</summary>
    public static ResourceBindingSpec RegionSpread() => Workload(50, new Placement
    {
        ClusterAffinity = EnvironmentAffinity(),
        ReplicaScheduling = DynamicWeighting(),
        SpreadConstraints =
        [
            new SpreadConstraint { SpreadByField = SpreadFieldValue.Region, MinGroups = 2, MaxGroups = 2 },
            new SpreadConstraint { SpreadByField = SpreadFieldValue.Cluster, MinGroups = 3, MaxGroups = 6 },
        ],
    });

    private static ReplicaSchedulingStrategy DynamicWeighting() => new()
    {
        ReplicaSchedulingType = ReplicaSchedulingType.Divided,
        ReplicaDivisionPreference = ReplicaDivisionPreference.Weighted,
        WeightPreference = new ClusterPreferences { DynamicWeight = DynamicWeightFactor.AvailableReplicas },
    };

    private static ResourceBindingSpec Workload(int replicas, Placement placement) => new()
    {
        Resource = new Api.Work.V1Alpha2.ObjectReference
        {
            ApiVersion = "apps/v1",
            Kind = "Deployment",
            Namespace = "default",
            Name = "nginx",
            Uid = "5b2d3c1e-8f0a-4c1b-9a55-0d7f3e2b6c41",
        },
        Replicas = replicas,
        ReplicaRequirements = new ReplicaRequirements
        {
            ResourceRequest = new() { [ResourceNames.Cpu] = "250m", [ResourceNames.Memory] = "512Mi" },
        },
        Placement = placement,
    };

    private static Cluster ReadyCluster(int index)
    {
        var region = string.Create(CultureInfo.InvariantCulture, $"region-{index % Regions}");
        var cpu = 64 + (index % 7 * 16);
        return new Cluster
        {
            Metadata = new ObjectMeta
            {
                Name = ClusterName(index),
                Labels = new() { ["environment"] = "prod", ["topology.karmada.io/region"] = region },
            },
            Spec = new ClusterSpec { SyncMode = ClusterSyncMode.Push, Provider = "bench", Region = region },
            Status = new ClusterStatus
            {
                KubernetesVersion = "v1.31.0",
                Conditions = [new Condition { Type = ClusterConditionTypes.Ready, Status = ConditionStatus.True, Reason = "ClusterReady" }],
                ApiEnablements =
                [
                    new APIEnablement { GroupVersion = "v1", Resources = [new APIResource { Name = "services", Kind = "Service" }] },
                    new APIEnablement { GroupVersion = "apps/v1", Resources = [new APIResource { Name = "deployments", Kind = "Deployment" }] },
                ],
                ResourceSummary = new ResourceSummary
                {
                    Allocatable = new()
                    {
                        [ResourceNames.Pods] = "1100",
                        [ResourceNames.Cpu] = cpu.ToString(CultureInfo.InvariantCulture),
                        [ResourceNames.Memory] = string.Create(CultureInfo.InvariantCulture, $"{cpu * 4}Gi"),
                    },
                    Allocated = new()
                    {
                        [ResourceNames.Pods] = string.Create(CultureInfo.InvariantCulture, $"{index % 300}"),
                        [ResourceNames.Cpu] = string.Create(CultureInfo.InvariantCulture, $"{(index % 40 * 1000) + 500}m"),
                        [ResourceNames.Memory] = string.Create(CultureInfo.InvariantCulture, $"{index % 50}Gi"),
                    },
                },
            },
        };
    }
}
