using System.Diagnostics;

namespace Karmada.Testing;

/// <summary>
/// Runs the real kubectl binaries installed beside the one on PATH (<c>kubectl.1.27</c> ... <c>kubectl.1.33</c>),
/// each with a fresh discovery cache so every run exercises discovery.
/// </summary>
public sealed class Kubectl
{
    private readonly string _binary;
    private readonly string _kubeconfig;
    private readonly string _cacheDir;

    public Kubectl(string version, string kubeconfig)
    {
        Version = version;
        _binary = Find(version);
        _kubeconfig = kubeconfig;
        _cacheDir = Path.Combine(Path.GetTempPath(), $"kubectl-cache-{Guid.NewGuid():N}");
    }

    public string Version { get; }

    /// <summary>The directory holding the versioned kubectl binaries.</summary>
    public static string BinaryDirectory
    {
        get
        {
            foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
            {
                var candidate = Path.Combine(dir, "kubectl");
                if (File.Exists(candidate))
                {
                    var target = new FileInfo(candidate).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? candidate;
                    var folder = Path.GetDirectoryName(target)!;
                    if (File.Exists(Path.Combine(folder, "kubectl.1.33")))
                    {
                        return folder;
                    }
                }
            }

            return "/usr/lib/google-cloud-sdk/bin";
        }
    }

    public static string Find(string version)
    {
        var path = Path.Combine(BinaryDirectory, $"kubectl.{version}");
        return File.Exists(path) ? path : throw new FileNotFoundException($"kubectl {version} not found at {path}; the e2e tests need the versioned kubectl binaries");
    }

    public Task<ProcessResult> RunAsync(params string[] args) => RunAsync(args, null, null, TimeSpan.FromSeconds(60));

    public Task<ProcessResult> RunWithInputAsync(string stdin, params string[] args) => RunAsync(args, stdin, null, TimeSpan.FromSeconds(60));

    public async Task<ProcessResult> RunAsync(IEnumerable<string> args, string? stdin, IDictionary<string, string>? environment, TimeSpan timeout)
    {
        var all = new List<string> { "--kubeconfig", _kubeconfig, "--cache-dir", _cacheDir };
        all.AddRange(args);
        return await ChildProcess.RunAsync(_binary, all, stdin, environment, timeout);
    }

    /// <summary>Runs and fails with the full output unless the exit code is 0.</summary>
    public async Task<string> OkAsync(params string[] args)
    {
        var result = await RunAsync(args);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"kubectl.{Version} {string.Join(' ', args)} failed: {result}");
        }

        return result.StandardOutput;
    }

    /// <summary>Starts a long-running kubectl (for <c>get -w</c>); the caller kills it.</summary>
    public Process Start(params string[] args)
    {
        var info = new ProcessStartInfo(_binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "--kubeconfig", _kubeconfig, "--cache-dir", _cacheDir }.Concat(args))
        {
            info.ArgumentList.Add(a);
        }

        return Process.Start(info)!;
    }
}
