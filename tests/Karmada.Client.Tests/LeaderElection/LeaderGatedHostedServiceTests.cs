using System.Collections.Concurrent;
using Karmada.Client.LeaderElection;
using Karmada.Client.Tests.Fakes;
using Karmada.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Karmada.Client.Tests.LeaderElection;

/// <summary>The gate's ownership of per-term services: stopped in reverse, then disposed, when a term ends.</summary>
[Trait("Category", "Integration")]
public sealed class LeaderGatedHostedServiceTests : FakeApiServerTest
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 6, 0, 0, TimeSpan.Zero));
    private readonly ConcurrentQueue<string> _events = new();

    [Fact]
    public async Task FactoryServices_LostLeadership_StoppedThenDisposed_NextTermGetsFreshOnes_ShutdownDisposesThemToo()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var terms = 0;
        IEnumerable<IHostedService> CreateTerm()
        {
            var term = Interlocked.Increment(ref terms);
            return [new SyncDisposableService($"informers{term}", _events), new AsyncDisposableService($"controller{term}", _events)];
        }

        using var gated = new LeaderGatedHostedService(NewElector("a"), CreateTerm, NullLogger<LeaderGatedHostedService>.Instance);
        await gated.StartAsync(cts.Token);
        await Eventually.UntilAsync(() => gated.ServicesRunning, Timeout, "the first term's services run", cts.Token);
        Assert.Equal(["start informers1", "start controller1"], _events);

        // Another holder takes the lease: the first term ends.
        TakeLease("intruder");
        await _time.AdvanceUntilAsync(() => _events.Contains("dispose informers1"), TimeSpan.FromMilliseconds(250), Timeout, "the first term's services were disposed", cts.Token);
        Assert.Equal(
            ["start informers1", "start controller1", "stop controller1", "stop informers1", "dispose controller1 (async)", "dispose informers1"],
            _events);

        // The intruder never renews: the next term starts with new instances.
        await _time.AdvanceUntilAsync(() => gated.ServicesRunning && _events.Contains("start controller2"), TimeSpan.FromMilliseconds(250), Timeout, "the second term's services run", cts.Token);
        _events.Clear();

        await gated.StopAsync(CancellationToken.None);
        Assert.Equal(["stop controller2", "stop informers2", "dispose controller2 (async)", "dispose informers2"], _events);
        Assert.Equal(2, terms);
    }

    [Fact]
    public async Task FactoryServices_StartFails_StartedOnesStopped_AndEveryCreatedOneDisposed()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var neverCreated = true;
        IEnumerable<IHostedService> CreateTerm()
        {
            yield return new SyncDisposableService("informers", _events);
            yield return new SyncDisposableService("broken", _events, failStart: true);
            neverCreated = false;
            yield return new SyncDisposableService("after", _events);
        }

        using var gated = new LeaderGatedHostedService(NewElector("a"), CreateTerm, NullLogger<LeaderGatedHostedService>.Instance);
        await gated.StartAsync(cts.Token);
        await Eventually.UntilAsync(() => _events.Contains("dispose informers"), Timeout, "the half-started term was cleaned up", cts.Token);

        Assert.Equal(["start informers", "start broken", "stop informers", "dispose broken", "dispose informers"], _events);
        Assert.True(neverCreated);
        Assert.False(gated.ServicesRunning);
        await gated.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task FixedServices_StoppedButNeverDisposed_SoTheyCanRunAgain()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var service = new SyncDisposableService("fixed", _events);
        using (var gated = new LeaderGatedHostedService(NewElector("a"), [service], NullLogger<LeaderGatedHostedService>.Instance))
        {
            await gated.StartAsync(cts.Token);
            await Eventually.UntilAsync(() => gated.ServicesRunning, Timeout, "the fixed service runs", cts.Token);
            await gated.StopAsync(CancellationToken.None);
        }

        Assert.Equal(["start fixed", "stop fixed"], _events);
    }

    private LeaderElector NewElector(string identity) =>
        new(Client, new LeaderElectionOptions { LeaseName = "karmada-controller-manager", Identity = identity }, _time);

    private void TakeLease(string holder)
    {
        var lease = Server.Find(TestResources.LeasesCollection, "karmada-system", "karmada-controller-manager")
            ?? throw new InvalidOperationException("The lease does not exist.");
        lease["spec"]!["holderIdentity"] = holder;
        lease["spec"]!["renewTime"] = MicroTime.ToString(_time.GetUtcNow());
        Server.Put(TestResources.LeasesCollection, lease);
    }

    private sealed class SyncDisposableService(string name, ConcurrentQueue<string> events, bool failStart = false) : IHostedService, IDisposable
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            events.Enqueue($"start {name}");
            return failStart ? Task.FromException(new InvalidOperationException($"{name} cannot start")) : Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            events.Enqueue($"stop {name}");
            return Task.CompletedTask;
        }

        public void Dispose() => events.Enqueue($"dispose {name}");
    }

    private sealed class AsyncDisposableService(string name, ConcurrentQueue<string> events) : IHostedService, IAsyncDisposable
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            events.Enqueue($"start {name}");
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            events.Enqueue($"stop {name}");
            return Task.CompletedTask;
        }

        public async ValueTask DisposeAsync()
        {
            await Task.Yield();
            events.Enqueue($"dispose {name} (async)");
        }
    }
}
