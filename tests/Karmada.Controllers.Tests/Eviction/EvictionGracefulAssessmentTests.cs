using Karmada.Api.Policy.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Controllers.Eviction;

namespace Karmada.Controllers.Tests.Eviction;

public sealed class EvictionGracefulAssessmentTests
{
    private const long Generation = 7;
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    private static GracefulEvictionTask Task(string from, DateTimeOffset? created, PurgeMode mode = PurgeMode.Gracefully) =>
        new() { FromCluster = from, PurgeMode = mode, Reason = EvictionReasons.TaintUntolerated, Producer = EvictionProducers.TaintManager, CreationTimestamp = created };

    private static ResourceBindingSpec Spec(params GracefulEvictionTask[] tasks) =>
        new() { Clusters = [new() { Name = "m2", Replicas = 4 }], GracefulEvictionTasks = [.. tasks] };

    private static ResourceBindingStatus Status(ResourceHealth? m2Health, long observed = Generation) => new()
    {
        SchedulerObservedGeneration = observed,
        AggregatedStatus = m2Health is null ? [] : [new() { ClusterName = "m2", Health = m2Health }],
    };

    [Fact]
    public void NewTask_IsStampedAndKept()
    {
        var result = GracefulEvictionAssessment.Assess(Spec(Task("m1", null)), Status(ResourceHealth.Healthy), Generation, Timeout, Now.AddMilliseconds(700));
        Assert.True(result.Changed);
        Assert.Equal(Now, Assert.Single(result.Tasks).CreationTimestamp);
        Assert.Empty(result.Removed);
        Assert.Equal(TimeSpan.FromMinutes(1), result.NextRetry);
    }

    [Fact]
    public void HealthyOnTheNewClusters_AndScheduled_RemovesTask()
    {
        var result = GracefulEvictionAssessment.Assess(Spec(Task("m1", Now.AddSeconds(-5))), Status(ResourceHealth.Healthy), Generation, Timeout, Now);
        Assert.True(result.Changed);
        Assert.Empty(result.Tasks);
        Assert.Equal(["m1"], result.Removed);
        Assert.Null(result.NextRetry);
    }

    [Theory]
    [InlineData(ResourceHealth.Unhealthy, Generation)]
    [InlineData(null, Generation)]
    [InlineData(ResourceHealth.Healthy, Generation - 1)]
    public void NotYetHealthyOrNotScheduled_KeepsTask_UntilTheTimeout(ResourceHealth? health, long observed)
    {
        var spec = Spec(Task("m1", Now.AddMinutes(-9)));
        var kept = GracefulEvictionAssessment.Assess(spec, Status(health, observed), Generation, Timeout, Now);
        Assert.False(kept.Changed);
        Assert.Single(kept.Tasks);
        Assert.Equal(TimeSpan.FromMinutes(1), kept.NextRetry);

        var later = GracefulEvictionAssessment.Assess(spec, Status(health, observed), Generation, Timeout, Now.AddMinutes(1).AddSeconds(1));
        Assert.True(later.Changed);
        Assert.Empty(later.Tasks);
    }

    [Fact]
    public void GracePeriodSeconds_OverridesTheTimeout_AndSetsTheRetry()
    {
        var task = Task("m1", Now.AddSeconds(-10));
        task.GracePeriodSeconds = 30;
        var result = GracefulEvictionAssessment.Assess(Spec(task), Status(ResourceHealth.Unhealthy), Generation, Timeout, Now);
        Assert.Single(result.Tasks);
        Assert.Equal(TimeSpan.FromSeconds(20), result.NextRetry);

        Assert.Empty(GracefulEvictionAssessment.Assess(Spec(task), Status(ResourceHealth.Unhealthy), Generation, Timeout, Now.AddSeconds(21)).Tasks);
    }

    [Fact]
    public void SuppressDeletion_TrueKeepsForever_FalseRemovesAtOnce()
    {
        var suppressed = Task("m1", Now.AddDays(-1));
        suppressed.SuppressDeletion = true;
        var confirmed = Task("m3", Now);
        confirmed.SuppressDeletion = false;

        var result = GracefulEvictionAssessment.Assess(Spec(suppressed, confirmed), Status(ResourceHealth.Unhealthy), Generation, Timeout, Now);

        Assert.Equal("m1", Assert.Single(result.Tasks).FromCluster);
        Assert.Equal(["m3"], result.Removed);
        Assert.Null(result.NextRetry);
    }

    [Fact]
    public void PurgeModeNever_KeepsEvenWhenHealthyElsewhere()
    {
        var result = GracefulEvictionAssessment.Assess(Spec(Task("m1", Now.AddDays(-1), PurgeMode.Never)), Status(ResourceHealth.Healthy), Generation, Timeout, Now);
        Assert.False(result.Changed);
        Assert.Single(result.Tasks);
    }

    [Fact]
    public void HealthyElsewhere_IgnoresTheEvictedCluster()
    {
        List<TargetCluster> clusters = [new() { Name = "m1" }, new() { Name = "m2" }];
        List<AggregatedStatusItem> observed = [new() { ClusterName = "m1", Health = ResourceHealth.Unhealthy }, new() { ClusterName = "m2", Health = ResourceHealth.Healthy }];
        Assert.True(GracefulEvictionAssessment.HealthyElsewhere("m1", clusters, observed));
        Assert.False(GracefulEvictionAssessment.HealthyElsewhere("m3", clusters, observed));
    }
}
