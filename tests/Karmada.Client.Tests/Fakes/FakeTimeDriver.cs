using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace Karmada.Client.Tests.Fakes;

/// <summary>Drives fake time forward in small steps until a condition holds, with a real-time deadline.</summary>
public static class FakeTimeDriver
{
    public static async Task AdvanceUntilAsync(this FakeTimeProvider time, Func<bool> condition, TimeSpan step, TimeSpan timeout, string because, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException($"Condition not met within {timeout} (fake time {time.GetUtcNow():O}): {because}");
            }

            time.Advance(step);

            // Timers fired by the advance start real I/O against the fake server; give it a moment to land.
            await Task.Delay(TimeSpan.FromMilliseconds(5), cancellationToken);
        }
    }
}
