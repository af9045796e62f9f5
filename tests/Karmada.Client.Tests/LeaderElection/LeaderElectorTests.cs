using Karmada.Client.LeaderElection;
using Karmada.Client.Tests.Fakes;
using Karmada.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Karmada.Client.Tests.LeaderElection;

[Trait("Category", "Integration")]
public sealed class LeaderElectorTests : FakeApiServerTest
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 6, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task TryAcquireOrRenew_TwoCandidates_OneLeadsOthersWaitForExpiry()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var a = NewElector("a");
        var b = NewElector("b");

        Assert.True(await a.TryAcquireOrRenewAsync(cts.Token));
        var acquired = Lease();
        Assert.Equal("a", acquired["spec"]!["holderIdentity"]!.GetValue<string>());
        Assert.Equal(15, acquired["spec"]!["leaseDurationSeconds"]!.GetValue<int>());
        Assert.Equal(0, acquired["spec"]!["leaseTransitions"]!.GetValue<int>());
        Assert.Equal("2026-11-28T06:00:00.000000Z", acquired["spec"]!["acquireTime"]!.GetValue<string>());
        Assert.False(await b.TryAcquireOrRenewAsync(cts.Token));
        Assert.Equal("a", b.CurrentLeader);
        Assert.True(a.IsLeader);
        Assert.False(b.IsLeader);

        // a renews; b measures expiry from when it saw the renewal, so it keeps waiting.
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.True(await a.TryAcquireOrRenewAsync(cts.Token));
        Assert.Equal("2026-11-28T06:00:10.000000Z", Lease()["spec"]!["renewTime"]!.GetValue<string>());
        Assert.Equal("2026-11-28T06:00:00.000000Z", Lease()["spec"]!["acquireTime"]!.GetValue<string>());
        Assert.False(await b.TryAcquireOrRenewAsync(cts.Token));
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.False(await b.TryAcquireOrRenewAsync(cts.Token));

        // a stops renewing: once b has seen the same record for the lease duration, it takes over.
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.True(await b.TryAcquireOrRenewAsync(cts.Token));
        var taken = Lease();
        Assert.Equal("b", taken["spec"]!["holderIdentity"]!.GetValue<string>());
        Assert.Equal(1, taken["spec"]!["leaseTransitions"]!.GetValue<int>());
        Assert.Equal("2026-11-28T06:00:25.000000Z", taken["spec"]!["acquireTime"]!.GetValue<string>());
        Assert.False(await a.TryAcquireOrRenewAsync(cts.Token));
        Assert.False(a.IsLeader);
        Assert.Equal("b", a.CurrentLeader);
    }

    [Fact]
    public async Task TryAcquireOrRenew_ConcurrentWrite_LosesOnConflict()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var a = NewElector("a");
        Assert.True(await a.TryAcquireOrRenewAsync(cts.Token));
        var b = NewElector("b");
        Assert.False(await b.TryAcquireOrRenewAsync(cts.Token));
        _time.Advance(TimeSpan.FromSeconds(16));

        // a renews between b's read and b's write: b's update carries a stale resourceVersion.
        Server.Intercept = async (context, request) =>
        {
            if (request.Method == "PUT" && request.Body.Contains("\"holderIdentity\":\"b\"", StringComparison.Ordinal))
            {
                Server.Intercept = null;
                Assert.True(await a.TryAcquireOrRenewAsync(cts.Token));
            }

            return false;
        };

        Assert.False(await b.TryAcquireOrRenewAsync(cts.Token));
        Assert.Equal("a", Lease()["spec"]!["holderIdentity"]!.GetValue<string>());
    }

    [Fact]
    public async Task Run_LeaderStopsRenewing_OtherTakesOverAfterExpiry()
    {
        using var cts = new CancellationTokenSource(Timeout);
        using var stopA = CancellationTokenSource.CreateLinkedTokenSource(cts.Token);
        var a = NewElector("a", releaseOnCancel: false);
        var b = NewElector("b");
        var aLeading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var aStopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bLeading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var newLeaders = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var runA = a.RunAsync(new LeaderCallbacks
        {
            OnStartedLeading = async ct =>
            {
                aLeading.TrySetResult();
                await Task.Delay(System.Threading.Timeout.InfiniteTimeSpan, ct);
            },
            OnStoppedLeading = () => aStopped.TrySetResult(),
        }, stopA.Token);
        await aLeading.Task.WaitAsync(cts.Token);
        var runB = b.RunAsync(new LeaderCallbacks
        {
            OnStartedLeading = _ =>
            {
                bLeading.TrySetResult();
                return Task.CompletedTask;
            },
            OnNewLeader = newLeaders.Enqueue,
        }, cts.Token);
        await Eventually.UntilAsync(() => b.CurrentLeader == "a", Timeout, "b observed a as leader", cts.Token);

        // a crashes without releasing: nobody renews any more.
        await stopA.CancelAsync();
        await runA.WaitAsync(cts.Token);
        await aStopped.Task.WaitAsync(cts.Token);
        Assert.Equal("a", Lease()["spec"]!["holderIdentity"]!.GetValue<string>());

        await _time.AdvanceUntilAsync(() => bLeading.Task.IsCompleted, TimeSpan.FromMilliseconds(250), Timeout, "b took over the expired lease", cts.Token);

        Assert.True(_time.GetUtcNow() >= new DateTimeOffset(2026, 11, 28, 6, 0, 15, TimeSpan.Zero));
        Assert.Equal("b", Lease()["spec"]!["holderIdentity"]!.GetValue<string>());
        Assert.Equal(1, Lease()["spec"]!["leaseTransitions"]!.GetValue<int>());
        Assert.Equal(["a", "b"], newLeaders);
        await cts.CancelAsync();
        await runB;
    }

    [Fact]
    public async Task Run_CancelledWithRelease_LetsOthersAcquireAtOnce()
    {
        using var cts = new CancellationTokenSource(Timeout);
        using var stopA = CancellationTokenSource.CreateLinkedTokenSource(cts.Token);
        var a = NewElector("a");
        var leading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var workStopped = false;
        var runA = a.RunAsync(new LeaderCallbacks
        {
            OnStartedLeading = async ct =>
            {
                leading.TrySetResult();
                try
                {
                    await Task.Delay(System.Threading.Timeout.InfiniteTimeSpan, ct);
                }
                finally
                {
                    workStopped = true;
                }
            },
        }, stopA.Token);
        await leading.Task.WaitAsync(cts.Token);

        await stopA.CancelAsync();
        await runA.WaitAsync(cts.Token);

        Assert.True(workStopped);
        Assert.Equal(string.Empty, Lease()["spec"]!["holderIdentity"]!.GetValue<string>());
        Assert.False(a.IsLeader);
        var b = NewElector("b");
        Assert.True(await b.TryAcquireOrRenewAsync(cts.Token));
        Assert.Equal(1, Lease()["spec"]!["leaseTransitions"]!.GetValue<int>());
    }

    [Fact]
    public async Task GatedService_LosingTheLease_StopsServicesThenRestartsThemOnReacquire()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var elector = NewElector("a");
        var inner = new RecordingService();
        using var gated = new LeaderGatedHostedService(elector, [inner], NullLogger<LeaderGatedHostedService>.Instance);

        await gated.StartAsync(cts.Token);
        await Eventually.UntilAsync(() => gated.ServicesRunning && inner.Starts == 1, Timeout, "the gated service runs while leading", cts.Token);

        // Another holder writes the lease: a fails to renew until its renew deadline passes and steps down.
        var lease = Lease();
        lease["spec"]!["holderIdentity"] = "intruder";
        lease["spec"]!["renewTime"] = MicroTime.ToString(_time.GetUtcNow());
        Server.Put(TestResources.LeasesCollection, lease);
        await _time.AdvanceUntilAsync(() => !gated.ServicesRunning && inner.Stops == 1, TimeSpan.FromMilliseconds(250), Timeout, "the gated service was stopped after leadership was lost", cts.Token);
        Assert.False(elector.IsLeader);

        // The intruder never renews: after the lease duration a reacquires and the services run again.
        await _time.AdvanceUntilAsync(() => gated.ServicesRunning && inner.Starts == 2, TimeSpan.FromMilliseconds(250), Timeout, "the gated service runs again after reacquiring", cts.Token);
        Assert.Equal("a", Lease()["spec"]!["holderIdentity"]!.GetValue<string>());

        await gated.StopAsync(CancellationToken.None);
        Assert.Equal(2, inner.Stops);
        Assert.Equal(string.Empty, Lease()["spec"]!["holderIdentity"]!.GetValue<string>());
    }

    [Fact]
    public void Options_InconsistentTimings_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => new LeaderElectionOptions { LeaseName = "x", LeaseDuration = TimeSpan.FromSeconds(5) }.Validate());
        Assert.Throws<ArgumentException>(() => new LeaderElectionOptions { LeaseName = "x", RetryPeriod = TimeSpan.FromSeconds(9) }.Validate());
        Assert.Throws<ArgumentException>(() => new LeaderElectionOptions().Validate());
        new LeaderElectionOptions { LeaseName = "x" }.Validate();
    }

    private LeaderElector NewElector(string identity, bool releaseOnCancel = true) =>
        new(Client, new LeaderElectionOptions { LeaseName = "karmada-controller-manager", Identity = identity, ReleaseOnCancel = releaseOnCancel }, _time);

    private System.Text.Json.Nodes.JsonObject Lease() =>
        Server.Find(TestResources.LeasesCollection, "karmada-system", "karmada-controller-manager")
        ?? throw new InvalidOperationException("The lease does not exist.");
}
