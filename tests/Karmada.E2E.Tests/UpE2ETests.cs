using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Karmada.Testing;

namespace Karmada.E2E.Tests;

/// <summary>
/// <c>karmada up</c> with the real binary and real kubectl: a control plane plus simulated members in one process,
/// clusters Ready in <c>kubectl get clusters</c>, member kubeconfigs that work, Ctrl-C, and a restart that resumes.
/// </summary>
[Trait("Category", "E2E")]
[Collection(KarmadaUpCollection.Name)]
public sealed class UpE2ETests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    // Generous: CI runs the e2e classes in parallel on two cores; a user sees ~1 s.
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _dataDir = new("e2e-up");

    private string ControlPlaneKubeconfig => Path.Combine(_dataDir.Path, "karmada-apiserver.config");

    private string MemberKubeconfig(string name) => Path.Combine(_dataDir.Path, "members", $"{name}.config");

    public void Dispose() => _dataDir.Dispose();

    [Fact]
    public async Task Up_TwoMembers_ReadyWithKubectl_SigintStops_RestartResumes()
    {
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        string[] args = ["--members", "2", "--data-dir", _dataDir.Path, "--secure-port", port];
        var karmada = new Kubectl("1.33", ControlPlaneKubeconfig);
        string clusterUid;
        string member1Endpoint;

        await using (var up = await KarmadaUpProcess.StartUpAsync(StartTimeout, args))
        {
            var output = up.Output;
            Assert.Contains($"starting API server on https://127.0.0.1:{port} ... ok", output, StringComparison.Ordinal);
            Assert.Contains("starting member1 (aws/us-east", output, StringComparison.Ordinal);
            Assert.Contains("joining member1 ... ok", output, StringComparison.Ordinal);
            Assert.Contains("joining member2 ... ok", output, StringComparison.Ordinal);

            // Component warnings may interleave with the wait's line; "Karmada is ready" itself means every cluster was Ready.
            Assert.Contains("waiting for clusters to be Ready ... ", output, StringComparison.Ordinal);
            Assert.Contains($"kubectl --kubeconfig {ControlPlaneKubeconfig} get clusters", output, StringComparison.Ordinal);
            Assert.Contains($"kubectl --kubeconfig {MemberKubeconfig("member1")}", output, StringComparison.Ordinal);
            Assert.DoesNotContain("member3", output, StringComparison.Ordinal);

            AssertClustersReady(await karmada.OkAsync("get", "clusters"));
            Assert.Equal("aws us-east us-east-1a us-east-1b", await JsonPathAsync(karmada, "member1", "{.spec.provider} {.spec.region} {.spec.zones[*]}"));
            Assert.Equal("gcp us-west", await JsonPathAsync(karmada, "member2", "{.spec.provider} {.spec.region}"));
            clusterUid = await JsonPathAsync(karmada, "member1", "{.metadata.uid}");
            member1Endpoint = await JsonPathAsync(karmada, "member1", "{.spec.apiEndpoint}");

            // The member kubeconfig reaches the member itself: its simulated nodes carry the planned topology.
            var member1 = new Kubectl("1.33", MemberKubeconfig("member1"));
            var nodes = await member1.OkAsync("get", "nodes", "-L", "topology.kubernetes.io/region", "--no-headers");
            Assert.Equal(2, nodes.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
            Assert.All(nodes.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.Contains("us-east", line, StringComparison.Ordinal));
            var member2Nodes = await new Kubectl("1.33", MemberKubeconfig("member2")).OkAsync("get", "nodes", "--no-headers");
            Assert.Equal(3, member2Nodes.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

            var (exitCode, took) = await up.InterruptAsync(StopTimeout);
            Assert.True(exitCode == 0, $"exit code {exitCode}; output:\n{up.Output}");
            Assert.True(took < TimeSpan.FromSeconds(20), $"stopping took {took}");
            Assert.Contains("stopped", up.Output, StringComparison.Ordinal);
        }

        // Same directory again: same CA and credentials, stored Clusters kept (not re-joined), members back on their ports.
        await using (var up = await KarmadaUpProcess.StartUpAsync(StartTimeout, args))
        {
            Assert.Contains("joining member1 ... ok (already joined)", up.Output, StringComparison.Ordinal);
            AssertClustersReady(await karmada.OkAsync("get", "clusters"));
            Assert.Equal(clusterUid, await JsonPathAsync(karmada, "member1", "{.metadata.uid}"));
            Assert.Equal(member1Endpoint, await JsonPathAsync(karmada, "member1", "{.spec.apiEndpoint}"));
            Assert.Contains("member1-node-", await new Kubectl("1.33", MemberKubeconfig("member1")).OkAsync("get", "nodes"), StringComparison.Ordinal);

            var (exitCode, _) = await up.InterruptAsync(StopTimeout);
            Assert.True(exitCode == 0, $"exit code {exitCode}; output:\n{up.Output}");
        }
    }

    [Fact]
    public async Task Up_SecurePortTaken_FailsWithAdvice()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);

        var result = await ChildProcess.RunAsync(
            "dotnet", [KarmadaProcess.BinaryPath, "up", "--members", "0", "--data-dir", _dataDir.Path, "--secure-port", port], null, null, StartTimeout);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"port {port}", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("--secure-port", result.StandardError, StringComparison.Ordinal);
    }

    private static async Task<string> JsonPathAsync(Kubectl kubectl, string cluster, string template) =>
        (await kubectl.OkAsync("get", "cluster", cluster, "-o", $"jsonpath={template}")).Trim();

    private static void AssertClustersReady(string table)
    {
        var lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["NAME", "VERSION", "MODE", "READY", "AGE"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        foreach (var name in new[] { "member1", "member2" })
        {
            var row = lines.Single(l => l.StartsWith(name + " ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("v1.31.0", row[1]);
            Assert.Equal("Push", row[2]);
            Assert.Equal("True", row[3]);
        }
    }
}
