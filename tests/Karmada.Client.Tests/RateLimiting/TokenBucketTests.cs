using Karmada.Client.RateLimiting;
using Microsoft.Extensions.Time.Testing;

namespace Karmada.Client.Tests.RateLimiting;

public sealed class TokenBucketTests
{
    [Fact]
    public void Reserve_BurstIsFreeThenTokensCostOneOverQps()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(qps: 2, burst: 3, time);

        Assert.Equal(TimeSpan.Zero, bucket.Reserve());
        Assert.Equal(TimeSpan.Zero, bucket.Reserve());
        Assert.Equal(TimeSpan.Zero, bucket.Reserve());
        Assert.Equal(TimeSpan.FromMilliseconds(500), bucket.Reserve());
        Assert.Equal(TimeSpan.FromMilliseconds(1000), bucket.Reserve());
    }

    [Fact]
    public void Reserve_RefillsWithTimeUpToTheBurst()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(qps: 10, burst: 2, time);
        bucket.Reserve();
        bucket.Reserve();

        time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.Zero, bucket.Reserve());
        Assert.Equal(TimeSpan.Zero, bucket.Reserve());
        Assert.Equal(TimeSpan.FromMilliseconds(100), bucket.Reserve());
    }

    [Fact]
    public async Task WaitAsync_WaitsForTheReservedToken()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(qps: 1, burst: 1, time);
        await bucket.WaitAsync(CancellationToken.None);

        var waiting = bucket.WaitAsync(CancellationToken.None).AsTask();
        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
