using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;

namespace Karmada.Scheduler.Estimation;

/// <summary>
/// Upstream's <c>calAvailableReplicas</c>: the replicas each cluster can still take, as the minimum over the estimators.
/// </summary>
public sealed class AvailableReplicasCalculator
{
    private readonly IReadOnlyList<IReplicaEstimator> _estimators;

    /// <summary>A calculator over the estimators (the general estimator should be among them).</summary>
    public AvailableReplicasCalculator(IReadOnlyList<IReplicaEstimator> estimators)
    {
        ArgumentNullException.ThrowIfNull(estimators);
        _estimators = estimators;
    }

    /// <summary>
    /// Per cluster, in input order: <see cref="int.MaxValue"/> for non-workloads (no replicas, no components);
    /// otherwise the minimum over the estimators, ignoring failed estimators and unauthentic answers, and ignoring a
    /// general-estimator answer below what the scheduler-estimator reports (node autoscalers can add capacity the
    /// summary cannot see). A cluster no estimator could bound gets <c>spec.replicas</c>.
    /// </summary>
    public int[] Calculate(IReadOnlyList<Cluster> clusters, ResourceBindingSpec spec)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(spec);
        var available = new int[clusters.Count];
        Array.Fill(available, int.MaxValue);
        if (spec.Replicas == 0 && spec.Components.Count == 0)
        {
            return available;
        }

        var results = new List<(string Name, IReadOnlyList<int> Replicas)>(_estimators.Count);
        foreach (var estimator in _estimators)
        {
            var result = estimator.MaxAvailableReplicas(clusters, spec.ReplicaRequirements);
            if (result.IsSuccess && result.Value.Count == clusters.Count)
            {
                results.Add((estimator.Name, result.Value));
            }
        }

        var accurate = results.Find(r => r.Name == IReplicaEstimator.SchedulerEstimatorName).Replicas;
        foreach (var (name, replicas) in results)
        {
            for (var i = 0; i < replicas.Count; i++)
            {
                var value = replicas[i];
                if (value == IReplicaEstimator.UnauthenticReplica)
                {
                    continue;
                }

                if (accurate is not null && name == GeneralEstimator.EstimatorName && accurate[i] > value)
                {
                    continue;
                }

                available[i] = Math.Min(available[i], value);
            }
        }

        for (var i = 0; i < available.Length; i++)
        {
            if (available[i] == int.MaxValue)
            {
                available[i] = spec.Replicas;
            }
        }

        return available;
    }
}
