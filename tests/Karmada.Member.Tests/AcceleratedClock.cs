using Microsoft.Extensions.Time.Testing;

namespace Karmada.Member.Tests;

/// <summary>
/// A fake clock that starts at the real time and runs <see cref="Speed"/> times faster (advanced in one-second steps),
/// so minute-granularity schedules play out in a test; timers on it fire in order as it advances.
/// </summary>
internal sealed class AcceleratedClock : IAsyncDisposable
{
    public const int Speed = 100;

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _ticker;

    public AcceleratedClock()
    {
        Time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _ticker = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(1000 / Speed));
            try
            {
                while (await timer.WaitForNextTickAsync(_stop.Token))
                {
                    Time.Advance(TimeSpan.FromSeconds(1));
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
            }
        });
    }

    public FakeTimeProvider Time { get; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
#pragma warning disable VSTHRD003 // The ticker task was started by this instance.
        await _ticker;
#pragma warning restore VSTHRD003
        _stop.Dispose();
    }
}
