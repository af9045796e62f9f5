using Karmada.Client.Informers;
using Karmada.Client.Queues;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Karmada.Client.Controllers;

/// <summary>
/// Runs a reconciler over a work queue with N workers (controller-runtime's controller). It waits for the informers it
/// depends on to sync, then each worker takes a key, reconciles it inside a log scope (<c>{Controller}</c>,
/// <c>{Key}</c>, <c>{ReconcileId}</c>) and: on success forgets the key's backoff and honours
/// <see cref="ReconcileResult.RequeueAfter"/>; on an exception requeues it rate-limited; on
/// <see cref="TerminalReconcileException"/> drops it. The queue is owned by the caller (event handlers add to it) and
/// is not shut down on stop, so a leader-gated controller can be started again.
/// </summary>
public sealed partial class Controller<TKey> : BackgroundService where TKey : notnull
{
    private static readonly Func<ILogger, string, string, string, IDisposable?> ReconcileScope =
        LoggerMessage.DefineScope<string, string, string>("Controller:{Controller} Key:{Key} ReconcileId:{ReconcileId}");

    private readonly IReconciler<TKey> _reconciler;
    private readonly ControllerOptions _options;
    private readonly ILogger _logger;
    private readonly IReadOnlyList<ISharedInformer> _waitForSync;
    private readonly TimeProvider _timeProvider;
    private readonly KeyValuePair<string, object?> _controllerTag;

    public Controller(
        string name,
        IReconciler<TKey> reconciler,
        WorkQueue<TKey> queue,
        IOptions<ControllerOptions> options,
        ILogger<Controller<TKey>> logger,
        IEnumerable<ISharedInformer>? waitForSync = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(reconciler);
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Value.Workers);
        Name = name;
        Queue = queue;
        _reconciler = reconciler;
        _options = options.Value;
        _logger = logger;
        _waitForSync = waitForSync?.ToArray() ?? [];
        _timeProvider = timeProvider ?? TimeProvider.System;
        _controllerTag = new KeyValuePair<string, object?>("controller", name);
    }

    public string Name { get; }

    public WorkQueue<TKey> Queue { get; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            foreach (var informer in _waitForSync)
            {
                await informer.WaitForCacheSyncAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        LogStarting(_logger, Name, _options.Workers);
        var workers = new Task[_options.Workers];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = Task.Run(() => RunWorkerAsync(stoppingToken), CancellationToken.None);
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
        LogStopped(_logger, Name);
    }

    private async Task RunWorkerAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TKey key;
            try
            {
                key = await Queue.TakeAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Cancelled or the queue was shut down by its owner: either way this worker is finished.
                return;
            }

            try
            {
                await ReconcileOneAsync(key, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Queue.Done(key);
            }
        }
    }

    private async Task ReconcileOneAsync(TKey key, CancellationToken cancellationToken)
    {
        var keyText = key.ToString() ?? string.Empty;
        using var scope = ReconcileScope(_logger, Name, keyText, Guid.NewGuid().ToString("N")[..12]);
        var started = _timeProvider.GetTimestamp();
        string result;
        try
        {
            var outcome = await _reconciler.ReconcileAsync(key, cancellationToken).ConfigureAwait(false);
            Queue.Forget(key);
            if (outcome.RequeueAfter is { } after)
            {
                Queue.AddAfter(key, after);
                LogRequeueAfter(_logger, Name, keyText, after);
                result = "requeue_after";
            }
            else
            {
                result = "success";
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped mid-reconcile (shutdown or lost leadership): keep the key so that the next term of this
            // controller, which shares the queue, finishes the work.
            Queue.Add(key);
            return;
        }
        catch (TerminalReconcileException ex)
        {
            LogTerminal(_logger, Name, keyText, ex);
            Queue.Forget(key);
            result = "terminal";
        }
        catch (ApiException ex) when (ex.Status.Code == 409)
        {
            // A stale cache lost an optimistic-concurrency race: routine in level-triggered controllers, not an error.
            LogConflict(_logger, Name, keyText, ex.Status.Message);
            Queue.AddRateLimited(key);
            result = "conflict";
        }
        catch (Exception ex)
        {
            LogFailed(_logger, Name, keyText, Queue.NumRequeues(key) + 1, ex);
            Queue.AddRateLimited(key);
            result = "error";
        }

        ControllerMetrics.Reconciles.Add(1, _controllerTag, new KeyValuePair<string, object?>("result", result));
        ControllerMetrics.ReconcileTime.Record(_timeProvider.GetElapsedTime(started).TotalSeconds, _controllerTag);
    }

    // Event ids 3300-3399: Controller. Next free id: 3306.
    [LoggerMessage(3300, LogLevel.Information, "Starting {Controller} with {Workers} workers")]
    private static partial void LogStarting(ILogger logger, string controller, int workers);

    [LoggerMessage(3301, LogLevel.Information, "Stopped {Controller}")]
    private static partial void LogStopped(ILogger logger, string controller);

    [LoggerMessage(3302, LogLevel.Error, "{Controller} failed to reconcile {Key} (attempt {Attempt}); requeued with backoff")]
    private static partial void LogFailed(ILogger logger, string controller, string key, int attempt, Exception exception);

    [LoggerMessage(3303, LogLevel.Error, "{Controller} gave up on {Key} (terminal)")]
    private static partial void LogTerminal(ILogger logger, string controller, string key, Exception exception);

    [LoggerMessage(3305, LogLevel.Debug, "{Controller} conflict on {Key}, requeued: {Message}")]
    private static partial void LogConflict(ILogger logger, string controller, string key, string? message);

    [LoggerMessage(3304, LogLevel.Debug, "{Controller} requeues {Key} after {Delay}")]
    private static partial void LogRequeueAfter(ILogger logger, string controller, string key, TimeSpan delay);
}
