using System.Collections.Concurrent;
using Karmada.Api.Meta;

namespace Karmada.Controllers.Status;

/// <summary>
/// Upstream's <c>clusterConditionStore.thresholdAdjustedReadyCondition</c>: a change of the observed Ready status
/// between True and not-True only takes effect once it has been observed for the success threshold (turning True) or
/// the failure threshold (turning not True), so one failed probe on a flaky network does not flip the cluster.
/// </summary>
public sealed class ReadyConditionSmoother
{
    private readonly ConcurrentDictionary<string, (ConditionStatus Observed, DateTimeOffset Since)> _observations = new(StringComparer.Ordinal);
    private readonly TimeSpan _successThreshold;
    private readonly TimeSpan _failureThreshold;
    private readonly TimeProvider _timeProvider;

    public ReadyConditionSmoother(TimeSpan successThreshold, TimeSpan failureThreshold, TimeProvider timeProvider)
    {
        _successThreshold = successThreshold;
        _failureThreshold = failureThreshold;
        _timeProvider = timeProvider;
    }

    /// <summary>The Ready condition to report given the stored one (<paramref name="current"/>) and a fresh observation.</summary>
    public Condition Adjust(string cluster, Condition? current, Condition observed)
    {
        ArgumentNullException.ThrowIfNull(observed);
        var now = _timeProvider.GetUtcNow();
        if (!_observations.TryGetValue(cluster, out var saved))
        {
            // Just joined (or this process just started): report what we see.
            _observations[cluster] = (observed.Status, now);
            return observed;
        }

        if (current is null)
        {
            return observed;
        }

        if (saved.Observed != observed.Status)
        {
            saved = (observed.Status, now);
            _observations[cluster] = saved;
        }

        var threshold = observed.Status == ConditionStatus.True ? _successThreshold : _failureThreshold;
        var flips = (observed.Status == ConditionStatus.True) != (current.Status == ConditionStatus.True);
        return flips && now < saved.Since + threshold ? current : observed;
    }

    /// <summary>Forgets a removed cluster.</summary>
    public void Forget(string cluster) => _observations.TryRemove(cluster, out _);
}
