using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;

namespace Karmada.Scheduler.Estimation;

/// <summary>
/// Estimates how many more replicas each cluster can take (upstream's <c>estimatorclient.ReplicaEstimator</c>). The
/// scheduler takes, per cluster, the minimum over all estimators. An accurate per-cluster estimator (the
/// karmada-scheduler-estimator service) plugs in here beside <see cref="GeneralEstimator"/>.
/// </summary>
public interface IReplicaEstimator
{
    /// <summary>A name for logs; <see cref="GeneralEstimator.EstimatorName"/> and <see cref="SchedulerEstimatorName"/> are known to the merge.</summary>
    string Name { get; }

    /// <summary>
    /// The maximum replicas per cluster, in the order of <paramref name="clusters"/>;
    /// <see cref="UnauthenticReplica"/> where the estimator cannot tell. A failure makes the scheduler ignore this
    /// estimator for the whole call.
    /// </summary>
    Outcome<IReadOnlyList<int>> MaxAvailableReplicas(IReadOnlyList<Cluster> clusters, ReplicaRequirements? requirements);

    /// <summary>The value an estimator returns for a cluster it cannot estimate; the scheduler ignores it.</summary>
    public const int UnauthenticReplica = -1;

    /// <summary>The name of the accurate estimator, whose higher answers win over the general estimator's.</summary>
    public const string SchedulerEstimatorName = "scheduler-estimator";
}
