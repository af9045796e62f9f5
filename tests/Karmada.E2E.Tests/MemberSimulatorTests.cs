using System.Globalization;
using Karmada.Testing;

namespace Karmada.E2E.Tests;

/// <summary>The real <c>karmada member</c> binary driven by real kubectl, and <c>karmada fault</c> changing it at runtime.</summary>
public sealed class MemberSimulatorTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Member_ServesNodesRunsDeploymentsAndObeysFaults()
    {
        using var dir = new TempDirectory("karmada-member-e2e");
        var port = FreePort.Next();
        await using var member = await StartMemberAsync(dir.Path, "member1", port);
        var kubectl = new Kubectl("1.31", Path.Combine(dir.Path, "member1.config"));

        var nodes = await kubectl.OkAsync("get", "nodes", "--no-headers");
        Assert.Equal(3, nodes.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.Contains(" Ready ", StringComparison.Ordinal)));
        Assert.Contains("member1-node-0", nodes, StringComparison.Ordinal);

        await kubectl.OkAsync("create", "deployment", "web", "--image=nginx:1.27", "--replicas=4");
        await Eventually.UntilAsync(
            async () => (await kubectl.OkAsync("get", "deployment", "web", "--no-headers")).Contains(" 4/4 ", StringComparison.Ordinal),
            Deadline,
            "deployment web 4/4");
        var pods = await kubectl.OkAsync("get", "pods", "-o", "wide", "--no-headers");
        var lines = pods.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.All(lines, line =>
        {
            Assert.Contains("Running", line, StringComparison.Ordinal);
            Assert.Contains("member1-node-", line, StringComparison.Ordinal);
        });

        await RunFaultAsync(dir.Path, "member1", "errors=100");
        await Eventually.UntilAsync(
            async () => (await kubectl.RunAsync("get", "nodes")).ExitCode != 0,
            Deadline,
            "requests fail while errors=100");
        var failed = await kubectl.RunAsync("get", "nodes");
        Assert.NotEqual(0, failed.ExitCode);

        await RunFaultAsync(dir.Path, "member1", "healthy");
        await Eventually.UntilAsync(
            async () => (await kubectl.RunAsync("get", "nodes")).ExitCode == 0,
            Deadline,
            "requests succeed again after healthy");
    }

    private static async Task<KarmadaProcess> StartMemberAsync(string dataDir, string name, int port)
    {
        var process = KarmadaProcess.Start("member", "--name", name, "--data-dir", dataDir, "--secure-port", port.ToString(CultureInfo.InvariantCulture));
        await process.WaitUntilServingAsync(Path.Combine(dataDir, $"{name}.config"));
        return process;
    }

    private static async Task RunFaultAsync(string dataDir, string name, params string[] faults)
    {
        var result = await ChildProcess.RunAsync("dotnet", [KarmadaProcess.BinaryPath, "fault", "--data-dir", dataDir, name, .. faults], null, null, TimeSpan.FromSeconds(60));
        Assert.True(result.ExitCode == 0, result.ToString());
    }
}
