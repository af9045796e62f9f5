namespace Karmada.Scheduler.Service.Tests;

public sealed class SchedulerServiceOptionsTests
{
    [Fact]
    public void TheDefaultsAreUpstreams()
    {
        var options = new SchedulerServiceOptions();

        options.Validate();
        Assert.Equal("default-scheduler", options.SchedulerName);
        Assert.Equal(["*"], options.Plugins);
    }

    [Theory]
    [InlineData("", 1, "*")]
    [InlineData("default-scheduler", 0, "*")]
    [InlineData("default-scheduler", 1, " ")]
    public void SettingsThatCannotWorkAreRejected(string name, int workers, string plugin)
    {
        var options = new SchedulerServiceOptions { SchedulerName = name, Workers = workers, Plugins = [plugin] };

        Assert.Throws<ArgumentException>(options.Validate);
    }

    [Theory]
    [InlineData(1, 1000)]
    [InlineData(2, 2000)]
    [InlineData(5, 16000)]
    [InlineData(9, 256000)]
    [InlineData(10, 300000)]
    [InlineData(1000, 300000)]
    public void FailedBindingsBackOffExponentiallyUpToTheCap(int failures, int expectedMilliseconds)
    {
        var options = new SchedulerServiceOptions();

        var delay = SchedulingReconciler.RetryDelay(failures, options.InitialRetryDelay, options.MaxRetryDelay);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), delay);
    }
}
