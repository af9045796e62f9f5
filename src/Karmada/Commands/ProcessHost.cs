using Microsoft.Extensions.Logging;

namespace Karmada.Host.Commands;

/// <summary>Runs a component until Ctrl-C or SIGTERM, with console logging; bad options exit 2 with the message.</summary>
public static class ProcessHost
{
    public static async Task<int> RunAsync(string component, Func<ILoggerFactory, CancellationToken, Task<IAsyncDisposable>> start, CancellationToken cancellationToken)
    {
        using var loggerFactory = LoggerFactory.Create(logging =>
        {
            logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss.fff ";
            });
            logging.SetMinimumLevel(Enum.TryParse<LogLevel>(Environment.GetEnvironmentVariable("KARMADA_LOG_LEVEL"), true, out var level) ? level : LogLevel.Information);
            logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        IAsyncDisposable running;
        try
        {
            running = await start(loggerFactory, stop.Token);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync($"karmada {component}: {ex.Message}");
            return 2;
        }

        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }

        await running.DisposeAsync();
        return 0;
    }
}
