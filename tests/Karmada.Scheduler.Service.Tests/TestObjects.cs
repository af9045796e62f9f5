using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Core;
using Karmada.Api.Meta;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Api.WellKnown;
using Karmada.Api.Work.V1Alpha2;

namespace Karmada.Scheduler.Service.Tests;

/// <summary>Builders for the bindings and clusters the scheduler service tests need.</summary>
internal static class TestObjects
{
    public static Cluster ReadyCluster(string name, int pods = 110, IReadOnlyDictionary<string, string>? labels = null)
    {
        var cluster = new Cluster { Metadata = new ObjectMeta { Name = name } };
        foreach (var (key, value) in labels ?? new Dictionary<string, string>())
        {
            cluster.Metadata.Labels[key] = value;
        }

        cluster.Status = ReadyStatus(pods);
        return cluster;
    }

    public static ClusterStatus ReadyStatus(int pods = 110) => new()
    {
        Conditions = [new Condition { Type = ClusterConditionTypes.Ready, Status = ConditionStatus.True, Reason = ClusterConditionReasons.ClusterReady, Message = "cluster is healthy and ready to accept workloads", LastTransitionTime = DateTimeOffset.UnixEpoch }],
        ApiEnablements = [new APIEnablement { GroupVersion = "apps/v1", Resources = [new APIResource { Name = "deployments", Kind = "Deployment" }] }],
        ResourceSummary = new ResourceSummary
        {
            Allocatable = new() { [ResourceNames.Pods] = pods.ToString(System.Globalization.CultureInfo.InvariantCulture), [ResourceNames.Cpu] = "100" },
        },
    };

    public static ResourceBinding Binding(string name, int replicas, Placement placement, string? schedulerName = null) => new()
    {
        Metadata = new ObjectMeta
        {
            Name = name,
            Namespace = "default",
            Generation = 1,
            Labels = new() { [WellKnownLabels.PropagationPolicyPermanentId] = "6d3a4f2e-policy" },
        },
        Spec = new ResourceBindingSpec
        {
            Resource = new Api.Work.V1Alpha2.ObjectReference { ApiVersion = "apps/v1", Kind = "Deployment", Namespace = "default", Name = name },
            Replicas = replicas,
            Placement = placement,
            SchedulerName = schedulerName,
        },
    };

    public static Placement Duplicated(params string[] clusters) => new()
    {
        ClusterAffinity = clusters.Length == 0 ? null : new ClusterAffinity { ClusterNames = [.. clusters] },
        ReplicaScheduling = new ReplicaSchedulingStrategy { ReplicaSchedulingType = ReplicaSchedulingType.Duplicated },
    };

    public static Placement StaticWeights(params (string Cluster, long Weight)[] weights) => new()
    {
        ClusterAffinity = new ClusterAffinity { ClusterNames = [.. weights.Select(w => w.Cluster)] },
        ReplicaScheduling = new ReplicaSchedulingStrategy
        {
            ReplicaSchedulingType = ReplicaSchedulingType.Divided,
            ReplicaDivisionPreference = ReplicaDivisionPreference.Weighted,
            WeightPreference = new ClusterPreferences
            {
                StaticWeightList = [.. weights.Select(w => new StaticClusterWeight { TargetCluster = new ClusterAffinity { ClusterNames = [w.Cluster] }, Weight = w.Weight })],
            },
        },
    };

    public static string Describe(IEnumerable<TargetCluster> targets) => string.Join(",", targets.Select(t => $"{t.Name}:{t.Replicas}"));
}
