using System.Diagnostics;
using Karmada.Testing;

namespace Karmada.E2E.Tests;

/// <summary>
/// A running <c>karmada</c> binary (the host built beside these tests), started with its real command line and
/// stopped with SIGKILL or a clean shutdown.
/// </summary>
public sealed class KarmadaProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ProcessOutput _output;

    private KarmadaProcess(Process process)
    {
        _process = process;
        _output = ProcessOutput.Capture(process);
    }

    public string Output => _output.ToString();

    public bool HasExited => _process.HasExited;

    public static string BinaryPath => Path.Combine(AppContext.BaseDirectory, "karmada.dll");

    public static KarmadaProcess Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(BinaryPath);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["KARMADA_LOG_LEVEL"] = "Warning";
        return new KarmadaProcess(Process.Start(info)!);
    }

    /// <summary>Starts <c>karmada apiserver</c> and waits until its kubeconfig exists and it answers.</summary>
    public static async Task<KarmadaProcess> StartApiServerAsync(string dataDir, int port, params string[] extra)
    {
        var process = Start(["apiserver", "--data-dir", dataDir, "--secure-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. extra]);
        await process.WaitUntilServingAsync(Path.Combine(dataDir, "karmada-apiserver.config"));
        return process;
    }

    public async Task WaitUntilServingAsync(string kubeconfig)
    {
        await Eventually.UntilAsync(() => Output.Contains("serving on", StringComparison.Ordinal) || _process.HasExited, TimeSpan.FromSeconds(60), "karmada serves");
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"karmada exited with {_process.ExitCode}:\n{Output}");
        }

        await Eventually.UntilAsync(() => File.Exists(kubeconfig), TimeSpan.FromSeconds(10), "kubeconfig written");
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a crash.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
