namespace Karmada.Host.Up;

/// <summary>Progress lines of <c>karmada up</c>: <c>starting member1 ... ok</c>, with the outcome on the same line.</summary>
public sealed class UpProgress(TextWriter output)
{
    public TextWriter Output { get; } = output;

    /// <summary>Runs one step between its announcement and <c>ok</c> (plus <paramref name="detail"/> of the result) or <c>failed</c>.</summary>
    public async Task<T> StepAsync<T>(string what, Func<Task<T>> step, Func<T, string?>? detail = null)
    {
        ArgumentNullException.ThrowIfNull(step);
        await Output.WriteAsync($"{what} ... ");
        await Output.FlushAsync();
        T result;
        try
        {
            result = await step();
        }
        catch (OperationCanceledException)
        {
            await Output.WriteLineAsync("interrupted");
            throw;
        }
        catch
        {
            await Output.WriteLineAsync("failed");
            throw;
        }

        await Output.WriteLineAsync(detail?.Invoke(result) is { Length: > 0 } text ? $"ok ({text})" : "ok");
        return result;
    }

    public async Task StepAsync(string what, Func<Task> step) =>
        await StepAsync(what, async () =>
        {
            await step();
            return true;
        });
}
