namespace Karmada.Client.Queues;

/// <summary>Ready-made rate limiters.</summary>
public static class RateLimiters
{
    /// <summary>
    /// client-go's <c>DefaultControllerRateLimiter</c>: the longer of a per-item exponential backoff (5 ms doubling up to
    /// 1000 s) and an overall token bucket (10 retries per second, burst 100).
    /// </summary>
    public static IRateLimiter<TKey> DefaultController<TKey>(TimeProvider timeProvider) where TKey : notnull =>
        new MaxOfRateLimiter<TKey>(
            new ItemExponentialFailureRateLimiter<TKey>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000)),
            new BucketRateLimiter<TKey>(10, 100, timeProvider));
}
