using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Karmada.Client.LeaderElection;

/// <summary>
/// Runs a set of hosted services (controllers, schedulers) only while this process holds the lease. On acquiring
/// leadership it creates and starts them; when leadership is lost or the host stops, their tokens are cancelled and
/// they are stopped (in reverse order) before the lease is released or contested again. The factory is called once per
/// term, so each term gets fresh services, and the gate owns them: at the end of the term they are disposed (after
/// all of them have stopped, in reverse order), so queues, informer registrations and timers of a lost term do not
/// outlive it.
/// </summary>
public sealed partial class LeaderGatedHostedService : BackgroundService
{
    private readonly LeaderElector _elector;
    private readonly Func<IEnumerable<IHostedService>> _createServices;
    private readonly bool _ownsServices;
    private readonly ILogger _logger;
    private volatile bool _servicesRunning;

    /// <summary>Gates services created afresh for every term by <paramref name="createServices"/>; the gate disposes them.</summary>
    public LeaderGatedHostedService(LeaderElector elector, Func<IEnumerable<IHostedService>> createServices, ILogger<LeaderGatedHostedService> logger)
        : this(elector, createServices, ownsServices: true, logger)
    {
    }

    /// <summary>
    /// Gates a fixed set of services. They are started again in a later term, which works for services that can be
    /// restarted (every <see cref="BackgroundService"/>, including <see cref="Controllers.Controller{TKey}"/>). The
    /// caller keeps ownership: a disposed service could not start again, so the gate never disposes these.
    /// </summary>
    public LeaderGatedHostedService(LeaderElector elector, IEnumerable<IHostedService> services, ILogger<LeaderGatedHostedService> logger)
        : this(elector, Materialize(services), ownsServices: false, logger)
    {
    }

    private LeaderGatedHostedService(LeaderElector elector, Func<IEnumerable<IHostedService>> createServices, bool ownsServices, ILogger<LeaderGatedHostedService> logger)
    {
        ArgumentNullException.ThrowIfNull(elector);
        ArgumentNullException.ThrowIfNull(createServices);
        ArgumentNullException.ThrowIfNull(logger);
        _elector = elector;
        _createServices = createServices;
        _ownsServices = ownsServices;
        _logger = logger;
    }

    public LeaderElector Elector => _elector;

    /// <summary>True between the gated services' start and the beginning of their stop.</summary>
    public bool ServicesRunning => _servicesRunning;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        _elector.RunAsync(new LeaderCallbacks { OnStartedLeading = RunServicesAsync }, stoppingToken);

    private static Func<IEnumerable<IHostedService>> Materialize(IEnumerable<IHostedService> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var fixedSet = services.ToArray();
        return () => fixedSet;
    }

    private async Task RunServicesAsync(CancellationToken leadershipToken)
    {
        var created = new List<IHostedService>();
        var started = new List<IHostedService>();
        try
        {
            foreach (var service in _createServices())
            {
                created.Add(service);
                await service.StartAsync(leadershipToken).ConfigureAwait(false);
                started.Add(service);
            }

            _servicesRunning = true;
            LogServicesStarted(_logger, started.Count);
            var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using (leadershipToken.Register(() => lost.TrySetResult()).ConfigureAwait(false))
            {
                await lost.Task.ConfigureAwait(false);
            }
        }
        finally
        {
            _servicesRunning = false;
            await StopServicesAsync(started).ConfigureAwait(false);
            if (_ownsServices)
            {
                // Only after every service stopped: a later service may still use what an earlier one owns.
                await DisposeServicesAsync(created).ConfigureAwait(false);
            }

            LogServicesStopped(_logger, started.Count);
        }
    }

    private async Task StopServicesAsync(List<IHostedService> started)
    {
        for (var i = started.Count - 1; i >= 0; i--)
        {
            try
            {
                // Leadership is already gone, so the stop must not be cut short by the cancelled token.
                await started[i].StopAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                LogStopFailed(_logger, started[i].GetType().Name, ex);
            }
        }
    }

    private async Task DisposeServicesAsync(List<IHostedService> created)
    {
        for (var i = created.Count - 1; i >= 0; i--)
        {
            try
            {
                switch (created[i])
                {
                    case IAsyncDisposable asyncDisposable:
                        await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                        break;
                    case IDisposable disposable:
                        disposable.Dispose();
                        break;
                }
            }
            catch (Exception ex)
            {
                LogDisposeFailed(_logger, created[i].GetType().Name, ex);
            }
        }
    }

    // Event ids 3450-3499: leader-gated services. Next free id: 3454.
    [LoggerMessage(3450, LogLevel.Information, "Leading: started {Count} gated services")]
    private static partial void LogServicesStarted(ILogger logger, int count);

    [LoggerMessage(3451, LogLevel.Information, "Not leading: stopped {Count} gated services")]
    private static partial void LogServicesStopped(ILogger logger, int count);

    [LoggerMessage(3452, LogLevel.Error, "Stopping gated service {Service} failed")]
    private static partial void LogStopFailed(ILogger logger, string service, Exception exception);

    [LoggerMessage(3453, LogLevel.Error, "Disposing gated service {Service} failed")]
    private static partial void LogDisposeFailed(ILogger logger, string service, Exception exception);
}
