using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Karmada.Client.LeaderElection;

/// <summary>
/// Runs a set of hosted services (controllers, schedulers) only while this process holds the lease. On acquiring
/// leadership it creates and starts them; when leadership is lost or the host stops, their tokens are cancelled and
/// they are stopped (in reverse order) before the lease is released or contested again. The factory is called once per
/// term, so each term gets fresh services.
/// </summary>
public sealed partial class LeaderGatedHostedService : BackgroundService
{
    private readonly LeaderElector _elector;
    private readonly Func<IEnumerable<IHostedService>> _createServices;
    private readonly ILogger _logger;
    private volatile bool _servicesRunning;

    public LeaderGatedHostedService(LeaderElector elector, Func<IEnumerable<IHostedService>> createServices, ILogger<LeaderGatedHostedService> logger)
    {
        ArgumentNullException.ThrowIfNull(elector);
        ArgumentNullException.ThrowIfNull(createServices);
        ArgumentNullException.ThrowIfNull(logger);
        _elector = elector;
        _createServices = createServices;
        _logger = logger;
    }

    /// <summary>
    /// Gates a fixed set of services. They are started again in a later term, which works for services that can be
    /// restarted (every <see cref="BackgroundService"/>, including <see cref="Controllers.Controller{TKey}"/>).
    /// </summary>
    public LeaderGatedHostedService(LeaderElector elector, IEnumerable<IHostedService> services, ILogger<LeaderGatedHostedService> logger)
        : this(elector, Materialize(services), logger)
    {
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
        var started = new List<IHostedService>();
        try
        {
            foreach (var service in _createServices())
            {
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

            LogServicesStopped(_logger, started.Count);
        }
    }

    // Event ids 3450-3499: leader-gated services. Next free id: 3453.
    [LoggerMessage(3450, LogLevel.Information, "Leading: started {Count} gated services")]
    private static partial void LogServicesStarted(ILogger logger, int count);

    [LoggerMessage(3451, LogLevel.Information, "Not leading: stopped {Count} gated services")]
    private static partial void LogServicesStopped(ILogger logger, int count);

    [LoggerMessage(3452, LogLevel.Error, "Stopping gated service {Service} failed")]
    private static partial void LogStopFailed(ILogger logger, string service, Exception exception);
}
