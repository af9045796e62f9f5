namespace Karmada.Client.Queues;

/// <summary>
/// Per-item exponential backoff: <c>baseDelay * 2^failures</c>, capped at <c>maxDelay</c>. Each item has its own count.
/// </summary>
public sealed class ItemExponentialFailureRateLimiter<TKey> : IRateLimiter<TKey> where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, int> _failures = [];

    public ItemExponentialFailureRateLimiter(TimeSpan baseDelay, TimeSpan maxDelay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(baseDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelay, baseDelay);
        BaseDelay = baseDelay;
        MaxDelay = maxDelay;
    }

    public TimeSpan BaseDelay { get; }

    public TimeSpan MaxDelay { get; }

    public TimeSpan When(TKey item)
    {
        int exponent;
        lock (_gate)
        {
            _failures.TryGetValue(item, out exponent);
            _failures[item] = exponent + 1;
        }

        // Compare in doubles so that large exponents saturate at the cap instead of overflowing.
        var ticks = BaseDelay.Ticks * Math.Pow(2, exponent);
        return ticks >= MaxDelay.Ticks ? MaxDelay : TimeSpan.FromTicks((long)ticks);
    }

    public void Forget(TKey item)
    {
        lock (_gate)
        {
            _failures.Remove(item);
        }
    }

    public int NumRequeues(TKey item)
    {
        lock (_gate)
        {
            return _failures.TryGetValue(item, out var count) ? count : 0;
        }
    }
}
