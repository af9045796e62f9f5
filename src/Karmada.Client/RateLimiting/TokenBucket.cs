namespace Karmada.Client.RateLimiting;

/// <summary>
/// A token bucket with reservations (Go's <c>rate.Limiter.Reserve</c>): each call takes one token, going into debt when
/// the bucket is empty, and returns how long the caller must wait for its token. Thread-safe; time comes from a
/// <see cref="TimeProvider"/> so tests control refill.
/// </summary>
public sealed class TokenBucket
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _timeProvider;
    private double _tokens;
    private long _lastTimestamp;

    /// <param name="qps">Tokens added per second; must be positive.</param>
    /// <param name="burst">Capacity of the bucket, which starts full; at least 1.</param>
    /// <param name="timeProvider">Clock used for refill.</param>
    public TokenBucket(double qps, int burst, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(qps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Qps = qps;
        Burst = burst;
        _timeProvider = timeProvider;
        _tokens = burst;
        _lastTimestamp = timeProvider.GetTimestamp();
    }

    public double Qps { get; }

    public int Burst { get; }

    /// <summary>Takes one token and returns the delay until it is actually available (zero when it is available now).</summary>
    public TimeSpan Reserve()
    {
        lock (_gate)
        {
            var now = _timeProvider.GetTimestamp();
            var elapsed = _timeProvider.GetElapsedTime(_lastTimestamp, now);
            _lastTimestamp = now;
            _tokens = Math.Min(Burst, _tokens + (elapsed.TotalSeconds * Qps));
            _tokens -= 1;
            return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / Qps);
        }
    }

    /// <summary>Takes one token and waits until it is available.</summary>
    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        var delay = Reserve();
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }
}
