using Karmada.Bench.Measurement;

namespace Karmada.Bench.Workloads.E2E;

/// <summary>Reads the process's resident set size every <c>interval</c> and keeps the highest value seen.</summary>
public sealed class RssPeakSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peakBytes;

    private RssPeakSampler(TimeSpan interval)
    {
        _sampling = Task.Run(() => SampleAsync(interval, _stop.Token));
    }

    public static RssPeakSampler Start(TimeSpan interval) => new(interval);

    public long PeakBytes => Interlocked.Read(ref _peakBytes);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
#pragma warning disable VSTHRD003 // the sampling loop was started by this object and ends on its own token
            await _sampling;
#pragma warning restore VSTHRD003
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task SampleAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        do
        {
            var rss = await ResourceProbe.RssBytesAsync(cancellationToken);
            long seen;
            do
            {
                seen = Interlocked.Read(ref _peakBytes);
            }
            while (rss > seen && Interlocked.CompareExchange(ref _peakBytes, rss, seen) != seen);
        }
        while (await timer.WaitForNextTickAsync(cancellationToken));
    }
}
