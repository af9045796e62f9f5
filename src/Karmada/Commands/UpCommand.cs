using System.CommandLine;
using Karmada.Cli;
using Karmada.Host.Up;
using Karmada.Storage;
using Microsoft.Extensions.Logging;

namespace Karmada.Host.Commands;

/// <summary>
/// <c>karmada up</c>: a whole Karmada in one process (API server, controller manager, scheduler and simulated members
/// joined in Push mode) for trying Karmada out, demos and tests. Restarting with the same data directory resumes.
/// </summary>
public static class UpCommand
{
    public static Command Build()
    {
        var defaultDataDirectory = UpLayout.DefaultDataDirectory(Environment.GetEnvironmentVariable);
        var dataDir = new Option<string>("--data-dir")
        {
            Description = $"Directory for the control plane (kubeconfig karmada-apiserver.config, store, certificates) and the members (members/NAME.config). Default: $XDG_DATA_HOME/karmada or ~/.local/share/karmada on Linux, LocalApplicationData/karmada elsewhere; here {defaultDataDirectory}.",
            DefaultValueFactory = _ => defaultDataDirectory,
        };
        var members = new Option<int>("--members") { Description = "Simulated member clusters to start and join (member1..N); 0 starts only the control plane.", DefaultValueFactory = _ => 3 };
        var port = new Option<int>("--secure-port") { Description = "HTTPS port of the control plane's API server.", DefaultValueFactory = _ => 6443 };
        var storage = new Option<string>("--storage") { Description = "Storage of the control plane: sqlite (in the data directory, default), etcd or memory.", DefaultValueFactory = _ => "sqlite" };
        storage.AcceptOnlyFromAmong("sqlite", "etcd", "memory");
        var etcdServers = new Option<string?>("--etcd-servers") { Description = "Comma-separated etcd client URLs (with --storage etcd)." };

        var command = new Command("up", "Run a whole Karmada in one process: control plane plus simulated member clusters.")
        {
            dataDir, members, port, storage, etcdServers,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new UpOptions
            {
                DataDirectory = Path.GetFullPath(parse.GetValue(dataDir)!),
                Members = parse.GetValue(members),
                SecurePort = parse.GetValue(port),
                Storage = new StorageOptions
                {
                    Backend = Enum.Parse<StorageBackend>(parse.GetValue(storage)!, ignoreCase: true),
                    EtcdServers = parse.GetValue(etcdServers),
                },
            };
            return await RunAsync(options, Console.Out, cancellationToken);
        });
        return command;
    }

    /// <summary>Starts, prints the progress and the "try this" block, then runs until <paramref name="cancellationToken"/> (Ctrl-C, SIGTERM) fires.</summary>
    public static async Task<int> RunAsync(UpOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);

        // Progress lines are the interface here; components only speak up when something is wrong.
        using var loggerFactory = LoggerFactory.Create(logging =>
        {
            logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss.fff ";
            });
            logging.SetMinimumLevel(Enum.TryParse<LogLevel>(Environment.GetEnvironmentVariable("KARMADA_LOG_LEVEL"), true, out var level) ? level : LogLevel.Warning);
            logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        });

        LocalKarmada karmada;
        IReadOnlyList<string> notReady;
        try
        {
            (karmada, notReady) = await LocalKarmada.StartAsync(options, output, loggerFactory, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await output.WriteLineAsync("karmada up: interrupted while starting; stopped.");
            return 0;
        }
        catch (Exception ex) when (ex is UpException or CliException or ArgumentException)
        {
            await output.FlushAsync(CancellationToken.None);
            await Console.Error.WriteLineAsync($"karmada up: {ex.Message}");
            return 1;
        }

        await using (karmada)
        {
            var memberNames = karmada.Members.Select(m => m.Name).ToList();
            await output.WriteAsync(TryThisBanner.Build(karmada.Layout, memberNames, TryThisBanner.FindExampleManifest(Environment.CurrentDirectory)));
            await output.WriteLineAsync(notReady.Count == 0 ? "Karmada is ready" : "Karmada is up, but not every cluster is Ready yet");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C or SIGTERM: stop below.
            }

            await output.WriteLineAsync("stopping ...");
        }

        await output.WriteLineAsync("stopped");
        return 0;
    }
}
