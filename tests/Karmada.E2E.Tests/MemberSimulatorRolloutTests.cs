using System.Globalization;
using Karmada.Testing;

namespace Karmada.E2E.Tests;

/// <summary>
/// <c>kubectl rollout status|history|undo</c> against the real <c>karmada member</c> binary: they read the revision
/// annotations the simulated Deployment controller keeps as kube's does.
/// </summary>
public sealed class MemberSimulatorRolloutTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Member_RolloutStatusHistoryAndUndoWorkWithKubectl()
    {
        using var dir = new TempDirectory("karmada-member-rollout");
        var port = FreePort.Next();
        var process = KarmadaProcess.Start("member", "--name", "member1", "--data-dir", dir.Path, "--secure-port", port.ToString(CultureInfo.InvariantCulture));
        await using var member = process;
        await process.WaitUntilServingAsync(Path.Combine(dir.Path, "member1.config"));
        var kubectl = new Kubectl("1.31", Path.Combine(dir.Path, "member1.config"));

        await kubectl.OkAsync("create", "deployment", "web", "--image=nginx:1.27", "--replicas=3");
        Assert.Contains("successfully rolled out", await kubectl.OkAsync("rollout", "status", "deployment/web", "--timeout=60s"), StringComparison.Ordinal);

        await kubectl.OkAsync("set", "image", "deployment/web", "nginx=nginx:1.28");
        await kubectl.OkAsync("annotate", "deployment/web", "kubernetes.io/change-cause=upgrade to 1.28");
        Assert.Contains("successfully rolled out", await kubectl.OkAsync("rollout", "status", "deployment/web", "--timeout=60s"), StringComparison.Ordinal);
        await Eventually.UntilAsync(
            async () => Revisions(await kubectl.OkAsync("rollout", "history", "deployment/web")) == "1,2",
            Deadline,
            "revisions 1 and 2");
        Assert.Contains("nginx:1.27", await kubectl.OkAsync("rollout", "history", "deployment/web", "--revision=1"), StringComparison.Ordinal);

        await kubectl.OkAsync("rollout", "undo", "deployment/web");
        Assert.Contains("successfully rolled out", await kubectl.OkAsync("rollout", "status", "deployment/web", "--timeout=60s"), StringComparison.Ordinal);
        await Eventually.UntilAsync(
            async () => Revisions(await kubectl.OkAsync("rollout", "history", "deployment/web")) == "2,3",
            Deadline,
            "revision 1 rolled back as 3");
        Assert.Equal("3", (await kubectl.OkAsync("get", "deployment", "web", "-o", "jsonpath={.metadata.annotations.deployment\\.kubernetes\\.io/revision}")).Trim());
        Assert.Equal("nginx:1.27", (await kubectl.OkAsync("get", "deployment", "web", "-o", "jsonpath={.spec.template.spec.containers[0].image}")).Trim());
    }

    /// <summary>The REVISION column of <c>kubectl rollout history</c>, comma-joined.</summary>
    private static string Revisions(string history) => string.Join(',', history.Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "")
        .Where(first => first.Length > 0 && first.All(char.IsAsciiDigit)));
}
