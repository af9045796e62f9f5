using System.Diagnostics;
using System.Globalization;
using Karmada.Testing;

namespace Karmada.E2E.Tests;

/// <summary>
/// A running <c>karmada up</c> (the real binary built beside these tests): started with its real command line,
/// waited on until it prints <c>Karmada is ready</c>, and stopped with SIGINT as Ctrl-C would.
/// </summary>
public sealed class KarmadaUpProcess : IAsyncDisposable
{
    public const string ReadyLine = "Karmada is ready";

    private readonly Process _process;
    private readonly ProcessOutput _output;

    private KarmadaUpProcess(Process process)
    {
        _process = process;
        _output = ProcessOutput.Capture(process);
    }

    /// <summary>Everything printed so far, stdout and stderr interleaved.</summary>
    public string Output => _output.ToString();

    /// <summary>Starts <c>karmada up</c> with <paramref name="args"/> and waits until it is ready (or fails with its output).</summary>
    public static async Task<KarmadaUpProcess> StartUpAsync(TimeSpan timeout, params string[] args)
    {
        // Through env(1), which execs (same pid) with SIGINT back at its default: a test run started in the background
        // of a non-interactive shell inherits SIGINT ignored, and the runtime then honours that, as a background job should.
        var info = new ProcessStartInfo("env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("--default-signal=INT");
        info.ArgumentList.Add("dotnet");
        info.ArgumentList.Add(KarmadaProcess.BinaryPath);
        info.ArgumentList.Add("up");
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var up = new KarmadaUpProcess(Process.Start(info)!);
        try
        {
            await Eventually.UntilAsync(() => up.Output.Contains(ReadyLine, StringComparison.Ordinal) || up._process.HasExited, timeout, "karmada up is ready");
            if (up._process.HasExited)
            {
                throw new InvalidOperationException($"karmada up exited with {up._process.ExitCode}:\n{up.Output}");
            }
        }
        catch (TimeoutException ex)
        {
            await up.DisposeAsync();
            throw new TimeoutException($"{ex.Message}; output so far:\n{up.Output}", ex);
        }

        return up;
    }

    /// <summary>Sends SIGINT (Ctrl-C) and returns the exit code and how long the process took to exit.</summary>
    public async Task<(int ExitCode, TimeSpan Took)> InterruptAsync(TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        var kill = await ChildProcess.RunAsync("kill", ["-INT", _process.Id.ToString(CultureInfo.InvariantCulture)], null, null, TimeSpan.FromSeconds(10));
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -INT failed: {kill}");
        }

        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"karmada up did not exit within {timeout} of SIGINT; output:\n{Output}");
        }

        return (_process.ExitCode, watch.Elapsed);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
