using Karmada.Client.RateLimiting;

namespace Karmada.Client.Queues;

/// <summary>
/// An overall rate limit shared by all items: a token bucket whose reservations turn into delays. It protects the API
/// server from a storm of retries; it has no per-item memory, so <see cref="Forget"/> does nothing.
/// </summary>
public sealed class BucketRateLimiter<TKey>(double qps, int burst, TimeProvider timeProvider) : IRateLimiter<TKey> where TKey : notnull
{
    private readonly TokenBucket _bucket = new(qps, burst, timeProvider);

    public TimeSpan When(TKey item) => _bucket.Reserve();

    public void Forget(TKey item)
    {
    }

    public int NumRequeues(TKey item) => 0;
}
