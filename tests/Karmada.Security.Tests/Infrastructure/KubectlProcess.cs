using System.Diagnostics;

namespace Karmada.Security.Tests.Infrastructure;

/// <summary>
/// Runs a real kubectl binary with a fresh cache directory, no inherited kubeconfig and a closed standard input
/// (kubectl prompts for a user name and password when a kubeconfig has no credentials for an https server).
/// </summary>
public static class KubectlProcess
{
    public const string V127 = "1.27";

    public const string V133 = "1.33";

    private static readonly string BinaryDirectory =
        Environment.GetEnvironmentVariable("KARMADA_KUBECTL_DIR") ?? "/usr/lib/google-cloud-sdk/bin";

    public static string PathOf(string version) => Path.Combine(BinaryDirectory, $"kubectl.{version}");

    public static async Task<(int ExitCode, string StandardOutput, string StandardError)> RunAsync(
        string version, string workDirectory, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var binary = PathOf(version);
        Assert.True(File.Exists(binary), $"kubectl {version} is expected at {binary}");

        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workDirectory,
        };
        start.ArgumentList.Add("--cache-dir");
        start.ArgumentList.Add(Path.Combine(workDirectory, $"kubectl-cache-{Guid.NewGuid():N}"));
        start.ArgumentList.Add("--request-timeout=20s");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("KUBECONFIG");
        start.Environment["HOME"] = workDirectory;

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {binary}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
