using System.Diagnostics;
using System.Net.Sockets;

namespace Karmada.Testing;

/// <summary>
/// A real etcd (Debian's etcd-server) on free loopback ports with a throwaway data directory, for tests that run
/// on the etcd storage backend. Fails loudly when etcd is not installed: CI installs it.
/// </summary>
public sealed class EtcdServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TempDirectory _data;

    private EtcdServer(Process process, TempDirectory data, string clientUrl)
    {
        _process = process;
        _data = data;
        ClientUrl = clientUrl;
    }

    public string ClientUrl { get; }

    public static async Task<EtcdServer> StartAsync()
    {
        var binary = new[] { "/usr/bin/etcd", "/usr/local/bin/etcd" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("etcd is not installed: `apt-get install -y etcd-server` (scripts/test.sh does this)");
        var data = new TempDirectory("etcd");
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
            "--name", "test", "--data-dir", data.Path,
            "--listen-client-urls", clientUrl, "--advertise-client-urls", clientUrl,
            "--listen-peer-urls", peerUrl, "--initial-advertise-peer-urls", peerUrl,
            "--initial-cluster", $"test={peerUrl}", "--log-level", "error", "--logger", "zap",
        })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += static (_, _) => { };
        process.ErrorDataReceived += static (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new EtcdServer(process, data, clientUrl);
        await Eventually.UntilAsync(() => CanConnect(clientPort) || process.HasExited, TimeSpan.FromSeconds(30), "etcd accepts connections");
        if (process.HasExited)
        {
            await server.DisposeAsync();
            throw new InvalidOperationException($"etcd exited with {process.ExitCode}");
        }

        return server;
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

    private static bool CanConnect(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
