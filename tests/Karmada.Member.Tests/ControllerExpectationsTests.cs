using Karmada.Member.Simulation;
using Microsoft.Extensions.Time.Testing;

namespace Karmada.Member.Tests;

public sealed class ControllerExpectationsTests
{
    private const string Owner = "default/web";
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void Creations_SatisfiedOnceEveryOneIsObservedOrFailed()
    {
        var expectations = new ControllerExpectations(_clock);
        expectations.ExpectCreations(Owner, 3);

        expectations.CreationObserved(Owner);
        expectations.LowerCreations(Owner, 1);
        Assert.False(expectations.Satisfied(Owner));

        expectations.CreationObserved(Owner);
        Assert.True(expectations.Satisfied(Owner));
    }

    [Fact]
    public void Deletion_ObservedTwice_TerminationThenGone_CountsOnce()
    {
        var expectations = new ControllerExpectations(_clock);
        expectations.ExpectDeletions(Owner, ["uid-a", "uid-b"]);

        expectations.DeletionObserved(Owner, "uid-a");
        expectations.DeletionObserved(Owner, "uid-a");
        Assert.False(expectations.Satisfied(Owner));

        expectations.DeletionObserved(Owner, "uid-b");
        Assert.True(expectations.Satisfied(Owner));
    }

    [Fact]
    public void Deletion_OfAPodNotDeletedByTheController_DoesNotCount()
    {
        var expectations = new ControllerExpectations(_clock);
        expectations.ExpectDeletions(Owner, ["uid-a"]);

        expectations.DeletionObserved(Owner, "uid-other");
        Assert.False(expectations.Satisfied(Owner));
    }

    [Fact]
    public void Pending_ExpiresAfterAMinute()
    {
        var expectations = new ControllerExpectations(_clock);
        expectations.ExpectCreations(Owner, 1);
        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.False(expectations.Satisfied(Owner));

        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(expectations.Satisfied(Owner));
    }

    [Fact]
    public void Forget_DropsThePendingWrites()
    {
        var expectations = new ControllerExpectations(_clock);
        expectations.ExpectDeletions(Owner, ["uid-a"]);
        expectations.Forget(Owner);
        Assert.True(expectations.Satisfied(Owner));
    }
}
