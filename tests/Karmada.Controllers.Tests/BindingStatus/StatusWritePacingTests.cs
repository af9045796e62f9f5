using Karmada.Client;
using Karmada.Controllers.Runtime;
using Microsoft.Extensions.Time.Testing;

namespace Karmada.Controllers.Tests.BindingStatus;

public sealed class StatusWritePacingTests
{
    private static readonly ObjectKey Web = new("apps", "web-deployment");
    private static readonly ObjectKey Api = new("apps", "api-deployment");

    [Fact]
    public void EventsWithinTheWindowWait_OneSyncAtItsEnd_ThenANewWindow()
    {
        var time = new FakeTimeProvider();
        var pacing = new StatusWritePacing(TimeSpan.FromMilliseconds(500), time);

        Assert.Equal(TimeSpan.FromMilliseconds(500), pacing.WaitBeforeSync(Web));
        time.Advance(TimeSpan.FromMilliseconds(200));
        Assert.Equal(TimeSpan.FromMilliseconds(300), pacing.WaitBeforeSync(Web));
        Assert.Equal(TimeSpan.FromMilliseconds(500), pacing.WaitBeforeSync(Api));

        time.Advance(TimeSpan.FromMilliseconds(300));
        Assert.Null(pacing.WaitBeforeSync(Web));
        Assert.Equal(TimeSpan.FromMilliseconds(500), pacing.WaitBeforeSync(Web));
    }

    [Fact]
    public void ForgottenOrUnpaced_StartsOverOrNeverWaits()
    {
        var time = new FakeTimeProvider();
        var pacing = new StatusWritePacing(TimeSpan.FromSeconds(1), time);
        Assert.NotNull(pacing.WaitBeforeSync(Web));
        time.Advance(TimeSpan.FromMilliseconds(900));
        pacing.Forget(Web);
        Assert.Equal(TimeSpan.FromSeconds(1), pacing.WaitBeforeSync(Web));

        Assert.Null(new StatusWritePacing(TimeSpan.Zero, time).WaitBeforeSync(Web));
    }

    [Fact]
    public void OpenWindowRemaining_ReportsAnOpenWindow_NeverOpensOne()
    {
        var time = new FakeTimeProvider();
        var pacing = new StatusWritePacing(TimeSpan.FromMilliseconds(500), time);
        Assert.Null(pacing.OpenWindowRemaining(Web));
        Assert.Null(pacing.OpenWindowRemaining(Web));

        pacing.WaitBeforeSync(Web);
        time.Advance(TimeSpan.FromMilliseconds(200));
        Assert.Equal(TimeSpan.FromMilliseconds(300), pacing.OpenWindowRemaining(Web));
        Assert.Null(pacing.OpenWindowRemaining(Api));

        time.Advance(TimeSpan.FromMilliseconds(300));
        Assert.Null(pacing.OpenWindowRemaining(Web));
        Assert.Null(pacing.WaitBeforeSync(Web));
        Assert.Null(new StatusWritePacing(TimeSpan.Zero, time).OpenWindowRemaining(Web));
    }
}
