namespace Karmada.Client.Queues;

/// <summary>Decides how long an item waits before it is retried (client-go's <c>workqueue.RateLimiter</c>).</summary>
public interface IRateLimiter<TKey> where TKey : notnull
{
    /// <summary>Records one more failure of <paramref name="item"/> and returns how long it should wait.</summary>
    TimeSpan When(TKey item);

    /// <summary>Clears the failure history of <paramref name="item"/> (call after it succeeded or was given up).</summary>
    void Forget(TKey item);

    /// <summary>How many times <paramref name="item"/> has been rate limited since it was last forgotten.</summary>
    int NumRequeues(TKey item);
}
