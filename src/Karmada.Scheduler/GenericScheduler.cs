using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Scheduler.Assignment;
using Karmada.Scheduler.Estimation;
using Karmada.Scheduler.Framework;
using Karmada.Scheduler.Framework.Plugins;
using Karmada.Scheduler.Spread;
using Karmada.Scheduler.Triggers;

namespace Karmada.Scheduler;

/// <summary>
/// The scheduling algorithm (upstream's <c>genericScheduler</c> plus the clusterAffinities fallback of
/// <c>scheduleResourceBindingWithClusterAffinities</c>): filter → score → select → assign, over a snapshot of clusters.
/// Pure: no I/O, nothing mutated; the caller writes the result.
/// </summary>
public sealed class GenericScheduler
{
    private readonly SchedulingFramework _framework;
    private readonly AvailableReplicasCalculator _calculator;

    /// <summary>A scheduler with every in-tree plugin and the general estimator.</summary>
    public GenericScheduler()
        : this(new SchedulingFramework(InTreePlugins.CreateRegistry()), [new GeneralEstimator()])
    {
    }

    /// <summary>A scheduler with the given plugins and estimators (include the general estimator).</summary>
    public GenericScheduler(SchedulingFramework framework, IReadOnlyList<IReplicaEstimator> estimators)
    {
        ArgumentNullException.ThrowIfNull(framework);
        _framework = framework;
        _calculator = new AvailableReplicasCalculator(estimators);
    }

    /// <summary>
    /// Schedules a binding onto the clusters. With clusterAffinities the terms are tried in order from the one in
    /// <c>status.schedulerObservingAffinityName</c> (from the first when a reschedule was requested) until one
    /// succeeds; when all fail, the first failure is reported and the observed term stays as it was.
    /// </summary>
    public ScheduleOutcome Schedule(ResourceBindingSpec spec, ResourceBindingStatus status, IReadOnlyList<Cluster> clusters, ScheduleOptions options)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(options);
        if (spec.Placement is not { } placement)
        {
            var missing = new ScheduleDiagnosis(SchedulingFailure.Error("failed to get placement from binding"), null, clusters.Count, []);
            return new(null, missing, [missing]);
        }

        if (placement.ClusterAffinities.Count == 0)
        {
            var single = ScheduleOnce(spec, status, clusters, options, null);
            return single.Result is { } result ? new(result, null, []) : new(null, single.Diagnosis, [single.Diagnosis!]);
        }

        var failed = new List<ScheduleDiagnosis>();
        var terms = placement.ClusterAffinities;
        var start = SchedulingTriggers.RescheduleRequired(spec.RescheduleTriggeredAt, status.LastScheduledTime)
            ? 0
            : Math.Max(0, terms.FindIndex(t => t.AffinityName == status.SchedulerObservedAffinityName));
        for (var index = start; index < terms.Count; index++)
        {
            var termStatus = WithObservedAffinity(status, terms[index].AffinityName);
            var attempt = ScheduleOnce(spec, termStatus, clusters, options, terms[index].AffinityName);
            if (attempt.Result is { } result)
            {
                return new(result, null, failed);
            }

            failed.Add(attempt.Diagnosis!);
        }

        return new(null, failed.Count > 0 ? failed[0] : null, failed);
    }

    /// <summary>
    /// Upstream's <c>SelectClusters</c>: groups the scored clusters (estimating capacity unless nothing downstream
    /// looks at it) and picks the best ones under the spread constraints.
    /// </summary>
    internal static Outcome<IReadOnlyList<ClusterDetailInfo>> SelectClusters(
        IReadOnlyList<ClusterScore> scores,
        Placement placement,
        ResourceBindingSpec spec,
        ResourceBindingStatus? status,
        Func<IReadOnlyList<Cluster>, ResourceBindingSpec, int[]>? calculateAvailable)
    {
        var info = ClusterGrouper.GroupClustersWithScore(scores, placement, spec, status, calculateAvailable);
        return SpreadSelector.SelectBestClusters(placement, info, spec.Replicas);
    }

    /// <summary>
    /// Whether cluster capacity can influence the decision. Static weighting without overflow tiers never looks at
    /// it: selection then returns every cluster and the Webster result is ordered by name, so the only effect of
    /// capacity, the order of equally scored clusters, is invisible, unless empty clusters are appended in that order.
    /// Skipping the estimators there is what makes static-weight scheduling cheap.
    /// </summary>
    internal static bool CapacityMatters(Placement placement, ResourceBindingStatus status, ScheduleOptions options)
    {
        if (options.EnableEmptyWorkloadPropagation)
        {
            return true;
        }

        if (AssignState.StrategyOf(placement) != AssignmentStrategy.StaticWeight || !PlacementRules.ShouldIgnoreSpreadConstraint(placement))
        {
            return true;
        }

        return PlacementRules.ObservedAffinityTerm(placement, status.SchedulerObservedAffinityName) is { OverflowAffinities.Count: > 0 };
    }

    private static ResourceBindingStatus WithObservedAffinity(ResourceBindingStatus status, string affinityName) => new()
    {
        SchedulerObservedGeneration = status.SchedulerObservedGeneration,
        SchedulerObservedAffinityName = affinityName,
        LastScheduledTime = status.LastScheduledTime,
        Conditions = status.Conditions,
        AggregatedStatus = status.AggregatedStatus,
    };

    private static string FitErrorMessage(int numAllClusters, List<ClusterDiagnosis> rejected)
    {
        const string Format = "0/{0} clusters are available: {1}.";
        if (numAllClusters == 0 || rejected.Count == 0)
        {
            return string.Format(System.Globalization.CultureInfo.InvariantCulture, Format, numAllClusters, "no cluster exists");
        }

        var histogram = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var reason in rejected.SelectMany(c => c.Result!.Reasons))
        {
            histogram[reason] = histogram.GetValueOrDefault(reason) + 1;
        }

        var reasons = histogram.Select(r => $"{r.Value} {r.Key}").Order(StringComparer.Ordinal);
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, Format, numAllClusters, string.Join(", ", reasons));
    }

    private Attempt ScheduleOnce(ResourceBindingSpec spec, ResourceBindingStatus status, IReadOnlyList<Cluster> clusters, ScheduleOptions options, string? affinityName)
    {
        var placement = spec.Placement!;
        // Filled with the clusters that never get scored; the scored ones join on failure, or lazily on success.
        var diagnoses = new List<ClusterDiagnosis>();
        var rejected = new List<ClusterDiagnosis>();
        var feasible = new List<Cluster>(clusters.Count);
        var filters = _framework.PrepareFilters(spec, status);
        foreach (var cluster in clusters)
        {
            var name = cluster.Metadata.Name ?? "";

            // A deleting cluster gets its scheduled results cleaned up, so nothing new may go there.
            if (cluster.Metadata.DeletionTimestamp is not null)
            {
                diagnoses.Add(new(name, ClusterVerdict.Deleting));
                continue;
            }

            var filtered = filters.Run(cluster);
            if (!filtered.Result.IsSuccess)
            {
                var diagnosis = new ClusterDiagnosis(name, ClusterVerdict.Rejected) { RejectedBy = filtered.Plugin, Result = filtered.Result };
                diagnoses.Add(diagnosis);
                rejected.Add(diagnosis);
                continue;
            }

            feasible.Add(cluster);
        }

        if (feasible.Count == 0)
        {
            var failure = new SchedulingFailure(SchedulingFailureKind.NoClusterFit, FitErrorMessage(clusters.Count, rejected));
            return Attempt.Failed(new(failure, affinityName, clusters.Count, diagnoses));
        }

        var report = _framework.RunScorePlugins(spec, feasible, keepPluginScores: false);
        var scores = new ClusterScore[feasible.Count];
        for (var i = 0; i < feasible.Count; i++)
        {
            scores[i] = new(feasible[i], report.Totals[i]);
        }

        if (!report.Status.IsSuccess)
        {
            return Failed(SchedulingFailure.Error($"failed to prioritize clusters: {report.Status.Message}"), ClusterVerdict.Feasible);
        }

        var calculate = CapacityMatters(placement, status, options) ? _calculator.Calculate : (Func<IReadOnlyList<Cluster>, ResourceBindingSpec, int[]>?)null;
        var selected = SelectClusters(scores, placement, spec, status, calculate);
        if (!selected.IsSuccess)
        {
            return Failed(selected.Failure.Wrap("failed to select clusters"), ClusterVerdict.Feasible);
        }

        var assigned = ReplicaAssigner.AssignReplicas(selected.Value, spec, status, options.MultiplePodTemplatesScheduling);
        if (!assigned.IsSuccess)
        {
            return Failed(assigned.Failure.Wrap("failed to assign replicas"), ClusterVerdict.Feasible);
        }

        var targets = assigned.Value;
        if (options.EnableEmptyWorkloadPropagation)
        {
            targets = AttachZeroReplicaClusters(selected.Value, targets);
        }

        return Attempt.Succeeded(new(targets, affinityName, new ScheduledClusterDiagnoses(diagnoses, scores, selected.Value, targets)));

        Attempt Failed(SchedulingFailure failure, ClusterVerdict verdict)
        {
            foreach (var score in scores)
            {
                diagnoses.Add(new ClusterDiagnosis(score.Cluster.Metadata.Name ?? "", verdict) { Score = score.Score });
            }

            return Attempt.Failed(new(failure, affinityName, clusters.Count, diagnoses));
        }
    }

    /// <summary>Upstream's <c>attachZeroReplicasCluster</c>: selected clusters missing from the result get 0 replicas.</summary>
    private static List<TargetCluster> AttachZeroReplicaClusters(IReadOnlyList<ClusterDetailInfo> selected, IReadOnlyList<TargetCluster> targets)
    {
        var present = new HashSet<string>(targets.Select(t => t.Name), StringComparer.Ordinal);
        var result = targets.ToList();
        foreach (var cluster in selected)
        {
            if (present.Add(cluster.Name))
            {
                result.Add(new TargetCluster { Name = cluster.Name });
            }
        }

        return result;
    }

    private readonly record struct Attempt(ScheduleResult? Result, ScheduleDiagnosis? Diagnosis)
    {
        public static Attempt Succeeded(ScheduleResult result) => new(result, null);

        public static Attempt Failed(ScheduleDiagnosis diagnosis) => new(null, diagnosis);
    }
}
