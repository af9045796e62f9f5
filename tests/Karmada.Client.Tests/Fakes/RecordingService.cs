using Microsoft.Extensions.Hosting;

namespace Karmada.Client.Tests.Fakes;

/// <summary>A gated service that records its terms: started, and stopped with its token cancelled.</summary>
public sealed class RecordingService : BackgroundService
{
    private int _starts;
    private int _stops;

    public int Starts => Volatile.Read(ref _starts);

    public int Stops => Volatile.Read(ref _stops);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Interlocked.Increment(ref _starts);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            Interlocked.Increment(ref _stops);
        }
    }
}
