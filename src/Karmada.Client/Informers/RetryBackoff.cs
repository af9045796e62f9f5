namespace Karmada.Client.Informers;

/// <summary>Exponential backoff with jitter for list and watch retries; not thread-safe (one per informer loop).</summary>
internal sealed class RetryBackoff(TimeSpan initial, TimeSpan max)
{
    private int _failures;

    /// <summary>The delay before the next attempt: <c>initial * 2^failures</c> capped at max, scaled by a random 0.5-1.5.</summary>
    public TimeSpan Next()
    {
        var baseTicks = Math.Min(initial.Ticks * Math.Pow(2, _failures), max.Ticks);
        _failures = Math.Min(_failures + 1, 62);
        return TimeSpan.FromTicks((long)(baseTicks * (0.5 + Random.Shared.NextDouble())));
    }

    public void Reset() => _failures = 0;
}
