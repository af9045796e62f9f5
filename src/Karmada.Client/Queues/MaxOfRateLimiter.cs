namespace Karmada.Client.Queues;

/// <summary>Asks every limiter and waits for the longest answer (client-go's <c>MaxOfRateLimiter</c>).</summary>
public sealed class MaxOfRateLimiter<TKey> : IRateLimiter<TKey> where TKey : notnull
{
    private readonly IRateLimiter<TKey>[] _limiters;

    public MaxOfRateLimiter(params IRateLimiter<TKey>[] limiters)
    {
        ArgumentNullException.ThrowIfNull(limiters);
        ArgumentOutOfRangeException.ThrowIfZero(limiters.Length);
        _limiters = limiters;
    }

    public TimeSpan When(TKey item)
    {
        // Every limiter must see the failure (the bucket spends a token, the exponential one counts), so no short-circuit.
        var longest = TimeSpan.Zero;
        foreach (var limiter in _limiters)
        {
            var delay = limiter.When(item);
            if (delay > longest)
            {
                longest = delay;
            }
        }

        return longest;
    }

    public void Forget(TKey item)
    {
        foreach (var limiter in _limiters)
        {
            limiter.Forget(item);
        }
    }

    public int NumRequeues(TKey item)
    {
        var most = 0;
        foreach (var limiter in _limiters)
        {
            most = Math.Max(most, limiter.NumRequeues(item));
        }

        return most;
    }
}
