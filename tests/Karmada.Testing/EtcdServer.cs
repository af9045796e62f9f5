using System.Diagnostics;

namespace Karmada.Testing;

/// <summary>
/// A real single-member etcd (Debian's etcd-server) on free loopback ports with its own data directory, returned once
/// it reports healthy and killed on disposal, for tests of the etcd storage backend and of servers running on it. A
/// missing binary fails loudly: the etcd backend must be tested, never silently skipped.
/// </summary>
public sealed class EtcdServer : IAsyncDisposable
{
    /// <summary>Overrides where the etcd binary is; when set, nothing else is searched.</summary>
    public const string BinaryVariable = "KARMADA_TEST_ETCD_BINARY";

    private const int MaxOutputLines = 200;
    private readonly Process _process;
    private readonly TempDirectory _directory;
    private readonly Queue<string> _output;

    private EtcdServer(Process process, TempDirectory directory, Queue<string> output, string clientUrl)
    {
        _process = process;
        _directory = directory;
        _output = output;
        ClientUrl = clientUrl;
    }

    public string ClientUrl { get; }

    public static async Task<EtcdServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var binary = FindBinary() ?? throw new InvalidOperationException(
            $"etcd was not found ({BinaryVariable}, PATH, /usr/bin, /usr/local/bin). The etcd storage tests need a real etcd 3.4+: " +
            $"install Debian's etcd-server package (apt-get install etcd-server), put etcd on PATH or set {BinaryVariable}.");
        var directory = new TempDirectory("karmada-etcd");
        var clientPort = FreePort.Next();
        var peerPort = FreePort.Next();
        var clientUrl = $"http://127.0.0.1:{clientPort}";
        var peerUrl = $"http://127.0.0.1:{peerPort}";
        var info = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--name", "karmada-test",
            "--data-dir", Path.Combine(directory.Path, "data"),
            "--listen-client-urls", clientUrl,
            "--advertise-client-urls", clientUrl,
            "--listen-peer-urls", peerUrl,
            "--initial-advertise-peer-urls", peerUrl,
            "--initial-cluster", $"karmada-test={peerUrl}",

            // A single member elects itself; short timers make that near-instant.
            "--heartbeat-interval", "10",
            "--election-timeout", "100",
        })
        {
            info.ArgumentList.Add(arg);
        }

        var output = new Queue<string>();
        var process = new Process { StartInfo = info };
        DataReceivedEventHandler capture = (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.Enqueue(e.Data);
                if (output.Count > MaxOutputLines)
                {
                    output.Dequeue();
                }
            }
        };
        process.OutputDataReceived += capture;
        process.ErrorDataReceived += capture;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new EtcdServer(process, directory, output, clientUrl);
        try
        {
            await server.WaitUntilHealthyAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _directory.Dispose();
    }

    private static string? FindBinary()
    {
        if (Environment.GetEnvironmentVariable(BinaryVariable) is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/bin", "/usr/local/bin"])
            .Select(dir => Path.Combine(dir, "etcd"))
            .FirstOrDefault(File.Exists);
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            await Eventually.UntilAsync(
                async () =>
                {
                    if (_process.HasExited)
                    {
                        throw new InvalidOperationException($"etcd exited with code {_process.ExitCode} before answering:\n{Output()}");
                    }

                    try
                    {
                        var body = await http.GetStringAsync(new Uri($"{ClientUrl}/health"), cancellationToken);
                        return body.Contains("\"health\":\"true\"", StringComparison.Ordinal);
                    }
                    catch (HttpRequestException)
                    {
                        return false;
                    }
                },
                TimeSpan.FromSeconds(20),
                $"etcd at {ClientUrl} to report healthy",
                cancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}\n{Output()}", ex);
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return string.Join('\n', _output);
        }
    }
}
