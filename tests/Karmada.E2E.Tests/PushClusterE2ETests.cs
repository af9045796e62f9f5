using System.Diagnostics;
using Karmada.Testing;

namespace Karmada.E2E.Tests;

/// <summary>
/// Push-mode membership with the real binaries: <c>karmada apiserver</c> as control plane and as member,
/// <c>karmada controller-manager</c>, <c>karmadactl join/unjoin</c>, and kubectl reading the Cluster table.
/// </summary>
[Trait("Category", "E2E")]
public sealed class PushClusterE2ETests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _controlPlaneDir = new("e2e-cp");
    private readonly TempDirectory _memberDir = new("e2e-member");
    private readonly List<KarmadaProcess> _processes = [];

    private string ControlPlaneKubeconfig => Path.Combine(_controlPlaneDir.Path, "karmada-apiserver.config");

    private string MemberKubeconfig => Path.Combine(_memberDir.Path, "karmada-apiserver.config");

    public async Task InitializeAsync()
    {
        _processes.Add(await KarmadaProcess.StartApiServerAsync(_controlPlaneDir.Path, FreePort.Next(), "--storage", "memory"));
        _processes.Add(await KarmadaProcess.StartApiServerAsync(_memberDir.Path, FreePort.Next(), "--storage", "memory"));
        _processes.Add(KarmadaProcess.Start(
            "controller-manager", "--kubeconfig", ControlPlaneKubeconfig, "--cluster-status-update-frequency", "1s", "--cluster-success-threshold", "0s", "--leader-elect", "true"));
    }

    public async Task DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        _memberDir.Dispose();
        _controlPlaneDir.Dispose();
    }

    [Fact]
    public async Task Join_GetClustersShowsReady_Unjoin_RemovesClusterAndExecutionSpace()
    {
        var kubectl = new Kubectl("1.33", ControlPlaneKubeconfig);

        var join = await KarmadactlAsync("--kubeconfig", ControlPlaneKubeconfig, "join", "member1", "--cluster-kubeconfig", MemberKubeconfig);
        Assert.True(join.ExitCode == 0, join.ToString());

        var again = await KarmadactlAsync("--kubeconfig", ControlPlaneKubeconfig, "join", "member1", "--cluster-kubeconfig", MemberKubeconfig);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already joined", again.StandardError, StringComparison.Ordinal);

        string table = "";
        await WaitAsync(async () =>
        {
            table = await kubectl.OkAsync("get", "clusters");
            return table.Split('\n').Any(l => l.StartsWith("member1", StringComparison.Ordinal) && l.Contains(" True ", StringComparison.Ordinal));
        }, () => $"kubectl get clusters shows member1 Ready; last output:\n{table}");
        var header = table.Split('\n')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["NAME", "VERSION", "MODE", "READY", "AGE"], header);
        var row = table.Split('\n').First(l => l.StartsWith("member1", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("v1.31.0-karmada.net", row[1]);
        Assert.Equal("Push", row[2]);
        Assert.Equal("True", row[3]);
        Assert.Contains("karmada-es-member1", await kubectl.OkAsync("get", "namespaces"), StringComparison.Ordinal);

        var unjoin = await KarmadactlAsync("--kubeconfig", ControlPlaneKubeconfig, "unjoin", "member1", "--wait", "60");
        Assert.True(unjoin.ExitCode == 0, unjoin.ToString());
        Assert.DoesNotContain("member1", await kubectl.OkAsync("get", "clusters", "-o", "name"), StringComparison.Ordinal);
        await WaitAsync(
            async () => !(await kubectl.OkAsync("get", "namespaces", "-o", "name")).Contains("karmada-es-member1", StringComparison.Ordinal),
            () => "execution namespace karmada-es-member1 deleted");
    }

    [Fact]
    public async Task Join_MissingMemberKubeconfig_SaysWhatToFix()
    {
        var result = await KarmadactlAsync("--kubeconfig", ControlPlaneKubeconfig, "join", "member1", "--cluster-kubeconfig", "/nonexistent/member.config");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--cluster-kubeconfig", result.StandardError, StringComparison.Ordinal);
    }

    /// <summary>
    /// The karmadactl built beside these tests: next to the karmada binary, or in the Karmada.Cli output folder of the
    /// same build layout (classic bin/ or --artifacts-path); <c>KARMADACTL_PATH</c> overrides.
    /// </summary>
    private static string KarmadactlPath()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("KARMADACTL_PATH") is { Length: > 0 } overridePath)
        {
            candidates.Add(overridePath);
        }

        var baseDir = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        candidates.Add(Path.Combine(baseDir, "karmadactl.dll"));

        // --artifacts-path: <art>/bin/Karmada.E2E.Tests/<config> → <art>/bin/Karmada.Cli/<config>
        var config = Path.GetFileName(baseDir);
        var binRoot = Path.GetDirectoryName(Path.GetDirectoryName(baseDir));
        if (binRoot is not null)
        {
            candidates.Add(Path.Combine(binRoot, "Karmada.Cli", config, "karmadactl.dll"));
        }

        // Classic: tests/Karmada.E2E.Tests/bin/<Config>/<tfm> → src/Karmada.Cli/bin/<Config>/<tfm>
        var tfm = Path.GetFileName(baseDir);
        var configuration = Path.GetFileName(Path.GetDirectoryName(baseDir));
        var repo = Path.GetFullPath(Path.Combine(baseDir, "..", "..", "..", "..", ".."));
        if (configuration is not null)
        {
            candidates.Add(Path.Combine(repo, "src", "Karmada.Cli", "bin", configuration, tfm, "karmadactl.dll"));
        }

        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"karmadactl.dll not found (build src/Karmada.Cli first); looked at: {string.Join(", ", candidates)}");
    }

    private static Task<ProcessResult> KarmadactlAsync(params string[] args) =>
        ChildProcess.RunAsync("dotnet", [KarmadactlPath(), .. args], null, null, TimeSpan.FromSeconds(120));

    private static async Task WaitAsync(Func<Task<bool>> condition, Func<string> because)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > Deadline)
            {
                throw new TimeoutException($"Not within {Deadline}: {because()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }
}
