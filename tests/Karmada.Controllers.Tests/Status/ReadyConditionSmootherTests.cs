using Karmada.Api.Meta;
using Karmada.Controllers.Status;
using Microsoft.Extensions.Time.Testing;

namespace Karmada.Controllers.Tests.Status;

public sealed class ReadyConditionSmootherTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    private static Condition Ready(ConditionStatus status) => new() { Type = "Ready", Status = status, Reason = status.ToString() };

    [Fact]
    public void Adjust_FirstObservation_IsReportedAsIs()
    {
        var smoother = new ReadyConditionSmoother(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30), _time);
        Assert.Equal(ConditionStatus.False, smoother.Adjust("m", Ready(ConditionStatus.True), Ready(ConditionStatus.False)).Status);
    }

    [Fact]
    public void Adjust_FailureWithinThreshold_KeepsReady_ThenFlipsAfterIt()
    {
        var smoother = new ReadyConditionSmoother(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30), _time);
        var current = smoother.Adjust("m", null, Ready(ConditionStatus.True));
        Assert.Equal(ConditionStatus.True, current.Status);

        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(ConditionStatus.True, smoother.Adjust("m", current, Ready(ConditionStatus.False)).Status);
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(ConditionStatus.True, smoother.Adjust("m", current, Ready(ConditionStatus.False)).Status);
        _time.Advance(TimeSpan.FromSeconds(21));
        Assert.Equal(ConditionStatus.False, smoother.Adjust("m", current, Ready(ConditionStatus.False)).Status);
    }

    [Fact]
    public void Adjust_OneFailedProbeBetweenSuccesses_NeverFlips()
    {
        var smoother = new ReadyConditionSmoother(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30), _time);
        var current = smoother.Adjust("m", null, Ready(ConditionStatus.True));
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(ConditionStatus.True, smoother.Adjust("m", current, Ready(ConditionStatus.False)).Status);
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(ConditionStatus.True, smoother.Adjust("m", current, Ready(ConditionStatus.True)).Status);
        _time.Advance(TimeSpan.FromSeconds(25));
        Assert.Equal(ConditionStatus.True, smoother.Adjust("m", current, Ready(ConditionStatus.False)).Status);
    }

    [Fact]
    public void Adjust_RecoveryUsesSuccessThreshold()
    {
        var smoother = new ReadyConditionSmoother(TimeSpan.FromSeconds(5), TimeSpan.Zero, _time);
        var current = smoother.Adjust("m", null, Ready(ConditionStatus.False));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(ConditionStatus.False, smoother.Adjust("m", current, Ready(ConditionStatus.True)).Status);
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(ConditionStatus.True, smoother.Adjust("m", current, Ready(ConditionStatus.True)).Status);
    }
}
