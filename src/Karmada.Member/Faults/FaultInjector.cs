using Microsoft.Extensions.Logging;

namespace Karmada.Member.Faults;

/// <summary>
/// Holds a member's current <see cref="FaultState"/> and keeps it in step with its fault file: a
/// <see cref="FileSystemWatcher"/> on the data directory, or (when the system is out of inotify instances) a check of
/// the file's timestamp every two seconds. <see cref="Changed"/> fires after every change.
/// </summary>
public sealed partial class FaultInjector : IAsyncDisposable
{
    private static readonly TimeSpan FallbackInterval = TimeSpan.FromSeconds(2);

    private readonly string _path;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _reload = new(1, 1);
    private FileSystemWatcher? _watcher;
    private Task? _fallback;
    private volatile FaultState _current = FaultState.Healthy;

    public FaultInjector(string dataDirectory, string memberName, TimeProvider timeProvider, ILogger logger)
    {
        _path = FaultStateFile.PathFor(dataDirectory, memberName);
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Raised (on a thread-pool thread) after the state changed.</summary>
    public event Action<FaultState>? Changed;

    public FaultState Current => _current;

    /// <summary>
    /// Raised (on the request's thread) when an external client probes the member's health (<c>/readyz</c>,
    /// <c>/healthz</c>, <c>/livez</c>), whatever the faults: benchmarks use it to tell the control plane's probe
    /// schedule apart from how long it takes to process what the probe found.
    /// </summary>
    public event Action? HealthProbed;

    internal void NoteHealthProbe() => HealthProbed?.Invoke();

    /// <summary>Loads the current file and starts watching it.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        try
        {
            var watcher = new FileSystemWatcher(Path.GetDirectoryName(_path)!, Path.GetFileName(_path))
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Changed += (_, _) => OnFileEvent();
            watcher.Created += (_, _) => OnFileEvent();
            watcher.Renamed += (_, _) => OnFileEvent();
            watcher.Deleted += (_, _) => OnFileEvent();
            watcher.EnableRaisingEvents = true;
            _watcher = watcher;
        }
        catch (IOException ex)
        {
            LogWatcherUnavailable(_logger, _path, ex);
            _fallback = PollAsync(_stopping.Token);
        }
    }

    /// <summary>Sets the state directly (in-process hosts and tests); the file is not touched.</summary>
    public void Set(FaultState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (_current == state)
        {
            return;
        }

        _current = state;
        LogChanged(_logger, Path.GetFileName(_path), state.ToString());
        Changed?.Invoke(state);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _watcher?.Dispose();
        if (_fallback is not null)
        {
#pragma warning disable VSTHRD003 // the fallback loop was started by this object and ends on its own token
            await _fallback;
#pragma warning restore VSTHRD003
        }

        _stopping.Dispose();
        _reload.Dispose();
    }

    private void OnFileEvent() => _ = ReloadQuietlyAsync();

    private async Task ReloadQuietlyAsync()
    {
        try
        {
            await ReloadAsync(_stopping.Token);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        catch (Exception ex)
        {
            LogReloadFailed(_logger, _path, ex);
        }
    }

    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await _reload.WaitAsync(cancellationToken);
        try
        {
            Set(await FaultStateFile.ReadAsync(_path, cancellationToken));
        }
        finally
        {
            _reload.Release();
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        var last = File.GetLastWriteTimeUtc(_path);
        using var timer = new PeriodicTimer(FallbackInterval, _timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var now = File.GetLastWriteTimeUtc(_path);
                if (now != last)
                {
                    last = now;
                    await ReloadQuietlyAsync();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    // Event ids 8000-8099: faults. Next free id: 8003.
    [LoggerMessage(8000, LogLevel.Warning, "Fault state of {File} is now: {State}")]
    private static partial void LogChanged(ILogger logger, string file, string state);

    [LoggerMessage(8001, LogLevel.Warning, "Cannot watch {Path}; checking it every two seconds instead")]
    private static partial void LogWatcherUnavailable(ILogger logger, string path, Exception exception);

    [LoggerMessage(8002, LogLevel.Error, "Cannot read fault file {Path}; keeping the current fault state")]
    private static partial void LogReloadFailed(ILogger logger, string path, Exception exception);
}
