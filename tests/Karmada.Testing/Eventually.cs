using System.Diagnostics;

namespace Karmada.Testing;

/// <summary>Polls a condition until it holds or a deadline passes: tests wait for states, never for time.</summary>
public static class Eventually
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string because, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(10);
        while (true)
        {
            if (await condition())
            {
                return;
            }

            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException($"Condition not met within {timeout}: {because}");
            }

            await Task.Delay(delay, cancellationToken);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 250));
        }
    }

    /// <summary>
    /// Reads an object until <paramref name="condition"/> holds for it and returns it; on timeout the message carries
    /// the last copy read (<paramref name="describe"/>), which is what a failing test needs to be understood.
    /// </summary>
    public static async Task<T> ReadUntilAsync<T>(Func<Task<T>> read, Func<T, bool> condition, Func<T, string> describe, TimeSpan timeout, string because, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(describe);
        T? last = null;
        try
        {
            await UntilAsync(
                async () =>
                {
                    last = await read();
                    return condition(last);
                },
                timeout,
                because,
                cancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}; last seen: {(last is null ? "none" : describe(last))}", ex);
        }

        return last!;
    }

    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, string because, CancellationToken cancellationToken = default) =>
        UntilAsync(() => Task.FromResult(condition()), timeout, because, cancellationToken);
}
