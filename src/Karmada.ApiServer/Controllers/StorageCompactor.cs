using Karmada.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Karmada.ApiServer.Controllers;

/// <summary>
/// Compacts storage history as kube-apiserver does every five minutes: each round discards the history older than
/// the revision seen at the previous round, so watchers have at least one interval to resume.
/// </summary>
public sealed partial class StorageCompactor(IObjectStore store, TimeProvider time, ILogger<StorageCompactor> logger) : BackgroundService
{
    public static TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long previous = 0;
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var current = await store.GetCurrentRevisionAsync(stoppingToken);
                    if (previous > 0)
                    {
                        await store.CompactAsync(previous, stoppingToken);
                    }

                    previous = current;
                }
                catch (StorageException ex)
                {
                    LogCompactionFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(1401, LogLevel.Warning, "Storage compaction failed")]
    private static partial void LogCompactionFailed(ILogger logger, Exception ex);
}
