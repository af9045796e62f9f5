using System.Diagnostics;
using System.Net.Sockets;

namespace Karmada.Bench.Infrastructure;

/// <summary>
/// A real etcd (Debian's etcd-server) on free loopback ports with a throwaway data directory on the local disk,
/// started the way tests/Karmada.Testing/EtcdServer does.
/// </summary>
public sealed class EtcdProcess : IAsyncDisposable
{
    private static readonly string[] Binaries = ["/usr/bin/etcd", "/usr/local/bin/etcd"];
    private readonly Process _process;
    private readonly ScratchDirectory _data;

    private EtcdProcess(Process process, ScratchDirectory data, string clientUrl)
    {
        _process = process;
        _data = data;
        ClientUrl = clientUrl;
    }

    public string ClientUrl { get; }

    public int ProcessId => _process.Id;

    public static async Task<EtcdProcess> StartAsync(CancellationToken cancellationToken)
    {
        var binary = Binaries.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("etcd is not installed: `apt-get install -y etcd-server`");
        var data = new ScratchDirectory("etcd");
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
            "--name", "bench", "--data-dir", data.Path,
            "--listen-client-urls", clientUrl, "--advertise-client-urls", clientUrl,
            "--listen-peer-urls", peerUrl, "--initial-advertise-peer-urls", peerUrl,
            "--initial-cluster", $"bench={peerUrl}", "--log-level", "error", "--logger", "zap",
            "--quota-backend-bytes", "8589934592",
        })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += static (_, _) => { };
        process.ErrorDataReceived += static (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var etcd = new EtcdProcess(process, data, clientUrl);
        var deadline = Stopwatch.StartNew();
        while (!await CanConnectAsync(clientPort, cancellationToken))
        {
            if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                await etcd.DisposeAsync();
                throw new InvalidOperationException("etcd did not start");
            }

            await Task.Delay(50, cancellationToken);
        }

        return etcd;
    }

    /// <summary>CPU time etcd has used so far (user + system), from /proc.</summary>
    public TimeSpan CpuTime()
    {
        try
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
        catch (InvalidOperationException)
        {
            return TimeSpan.Zero;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        _data.Dispose();
    }

    private static async Task<bool> CanConnectAsync(int port, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
