using Karmada.Client.Queues;
using Microsoft.Extensions.Time.Testing;

namespace Karmada.Client.Tests.Queues;

public sealed class RateLimiterTests
{
    [Fact]
    public void Exponential_DoublesPerFailureAndCapsAtMax()
    {
        var limiter = new ItemExponentialFailureRateLimiter<string>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000));

        var delays = Enumerable.Range(0, 5).Select(_ => limiter.When("a")).ToList();

        Assert.Equal([5, 10, 20, 40, 80], delays.Select(d => d.TotalMilliseconds));
        for (var i = 0; i < 100; i++)
        {
            limiter.When("a");
        }

        Assert.Equal(TimeSpan.FromSeconds(1000), limiter.When("a"));
        Assert.Equal(106, limiter.NumRequeues("a"));
    }

    [Fact]
    public void Exponential_TracksItemsIndependentlyAndForgetResets()
    {
        var limiter = new ItemExponentialFailureRateLimiter<string>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000));
        limiter.When("a");
        limiter.When("a");

        Assert.Equal(TimeSpan.FromMilliseconds(5), limiter.When("b"));
        limiter.Forget("a");

        Assert.Equal(0, limiter.NumRequeues("a"));
        Assert.Equal(TimeSpan.FromMilliseconds(5), limiter.When("a"));
    }

    [Fact]
    public void Bucket_AllowsBurstThenSpacesAtQps()
    {
        var time = new FakeTimeProvider();
        var limiter = new BucketRateLimiter<string>(10, 100, time);

        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(TimeSpan.Zero, limiter.When($"k{i}"));
        }

        Assert.Equal(TimeSpan.FromMilliseconds(100), limiter.When("x"));
        Assert.Equal(TimeSpan.FromMilliseconds(200), limiter.When("y"));
        Assert.Equal(0, limiter.NumRequeues("x"));
    }

    [Fact]
    public void DefaultController_IsTheMaxOfExponentialAndBucket()
    {
        var time = new FakeTimeProvider();
        var limiter = RateLimiters.DefaultController<string>(time);

        // Within the bucket's burst the per-item backoff decides.
        Assert.Equal(TimeSpan.FromMilliseconds(5), limiter.When("a"));
        Assert.Equal(TimeSpan.FromMilliseconds(10), limiter.When("a"));
        for (var i = 0; i < 98; i++)
        {
            limiter.When($"other{i}");
        }

        // The bucket is empty now: a fresh item waits for the global rate although its own backoff is 5 ms.
        Assert.Equal(TimeSpan.FromMilliseconds(100), limiter.When("fresh"));
        Assert.Equal(2, limiter.NumRequeues("a"));
        limiter.Forget("a");
        Assert.Equal(0, limiter.NumRequeues("a"));
    }

    [Fact]
    public void MaxOf_TakesTheLongestAnswer()
    {
        var limiter = new MaxOfRateLimiter<string>(
            new ItemExponentialFailureRateLimiter<string>(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4)),
            new ItemExponentialFailureRateLimiter<string>(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3)));

        Assert.Equal(TimeSpan.FromSeconds(3), limiter.When("a"));
        Assert.Equal(TimeSpan.FromSeconds(3), limiter.When("a"));
        Assert.Equal(TimeSpan.FromSeconds(4), limiter.When("a"));
    }
}
