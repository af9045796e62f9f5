using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Core;
using Karmada.Api.Meta;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Scheduler.Spread;

namespace Karmada.Scheduler.Tests;

/// <summary>Builders for the API objects the scheduler tests need.</summary>
internal static class Objects
{
    public static Cluster Cluster(string name, string? region = null, string? provider = null, IEnumerable<string>? zones = null,
        IReadOnlyDictionary<string, string>? labels = null)
    {
        var cluster = new Cluster { Metadata = new ObjectMeta { Name = name } };
        cluster.Spec.Region = region;
        cluster.Spec.Provider = provider;
        cluster.Spec.Zones = [.. zones ?? []];
        foreach (var (key, value) in labels ?? new Dictionary<string, string>())
        {
            cluster.Metadata.Labels[key] = value;
        }

        return cluster;
    }

    public static Cluster WithTaint(this Cluster cluster, string key, TaintEffect effect, string? value = null)
    {
        cluster.Spec.Taints.Add(new Api.Core.Taint { Key = key, Value = value, Effect = effect });
        return cluster;
    }

    /// <summary>A cluster whose resource summary leaves room for <paramref name="pods"/> more pods.</summary>
    public static Cluster WithPods(this Cluster cluster, int pods)
    {
        cluster.Status.ResourceSummary = new ResourceSummary();
        cluster.Status.ResourceSummary.Allocatable[ResourceNames.Pods] = pods.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return cluster;
    }

    public static Cluster WithApi(this Cluster cluster, string groupVersion, string kind)
    {
        cluster.Status.ApiEnablements.Add(new APIEnablement { GroupVersion = groupVersion, Resources = [new APIResource { Name = kind.ToLowerInvariant() + "s", Kind = kind }] });
        return cluster;
    }

    public static ResourceBindingSpec Spec(int replicas = 0, Placement? placement = null, params (string Name, int Replicas)[] previous) => new()
    {
        Resource = new Api.Work.V1Alpha2.ObjectReference { ApiVersion = "apps/v1", Kind = "Deployment", Namespace = "default", Name = "nginx" },
        Replicas = replicas,
        Placement = placement ?? new Placement(),
        Clusters = [.. previous.Select(p => new TargetCluster { Name = p.Name, Replicas = p.Replicas })],
    };

    public static ClusterAffinity Names(params string[] names) => new() { ClusterNames = [.. names] };

    public static ReplicaSchedulingStrategy Divided(ReplicaDivisionPreference preference, ClusterPreferences? weights = null) => new()
    {
        ReplicaSchedulingType = ReplicaSchedulingType.Divided,
        ReplicaDivisionPreference = preference,
        WeightPreference = weights,
    };

    public static ReplicaSchedulingStrategy DynamicWeight() =>
        Divided(ReplicaDivisionPreference.Weighted, new ClusterPreferences { DynamicWeight = DynamicWeightFactor.AvailableReplicas });

    public static ReplicaSchedulingStrategy StaticWeights(params (string Cluster, long Weight)[] weights) =>
        Divided(ReplicaDivisionPreference.Weighted, new ClusterPreferences
        {
            StaticWeightList = [.. weights.Select(w => new StaticClusterWeight { TargetCluster = Names(w.Cluster), Weight = w.Weight })],
        });

    public static ClusterDetailInfo Detail(string name, int allocatable = 0, long score = 0, int overflowOrder = 0, long? available = null) =>
        new(Cluster(name), score) { AllocatableReplicas = allocatable, AvailableReplicas = available ?? allocatable, OverflowOrder = overflowOrder };

    public static string Describe(IEnumerable<TargetCluster> targets) => string.Join(",", targets.Select(t => $"{t.Name}:{t.Replicas}"));
}
