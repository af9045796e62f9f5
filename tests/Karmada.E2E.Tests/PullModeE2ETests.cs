using System.Globalization;
using Karmada.Testing;

namespace Karmada.E2E.Tests;

/// <summary>
/// Pull mode with the real binaries: <c>karmada up --members 0</c> as control plane, <c>karmada member</c> as the
/// member, and <c>karmada agent</c> beside it with the control plane's kubeconfig. The README's nginx Deployment is
/// propagated to the Pull cluster by the agent, its status comes back, and stopping the agent makes the control plane
/// mark the cluster not Ready once the Lease grace period has passed.
/// </summary>
[Trait("Category", "E2E")]
[Collection(KarmadaUpCollection.Name)]
public sealed class PullModeE2ETests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private readonly TempDirectory _dataDir = new("e2e-pull");
    private readonly TempDirectory _memberDir = new("e2e-pull-member");

    public void Dispose()
    {
        _memberDir.Dispose();
        _dataDir.Dispose();
    }

    [Fact]
    public async Task Agent_RegistersPullCluster_RunsNginx_ThenClusterGoesNotReadyWhenAgentStops()
    {
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        await using var up = await KarmadaUpProcess.StartUpAsync(TimeSpan.FromSeconds(90), "--members", "0", "--data-dir", _dataDir.Path, "--secure-port", port);
        var controlPlaneKubeconfig = Path.Combine(_dataDir.Path, "karmada-apiserver.config");
        var memberKubeconfig = Path.Combine(_memberDir.Path, "member1.config");
        await using var member = KarmadaProcess.Start("member", "--name", "member1", "--data-dir", _memberDir.Path);
        await member.WaitUntilServingAsync(memberKubeconfig);

        var karmada = new Kubectl("1.33", controlPlaneKubeconfig);
        var memberKubectl = new Kubectl("1.33", memberKubeconfig);
        var agent = KarmadaProcess.Start(
            "agent",
            "--karmada-kubeconfig", controlPlaneKubeconfig,
            "--cluster-name", "member1",
            "--cluster-kubeconfig", memberKubeconfig,
            "--cluster-region", "eu-west",
            "--cluster-status-update-frequency", "1s",
            "--cluster-success-threshold", "0s");
        try
        {
            await UntilAsync(
                async () => (await karmada.OkAsync("get", "clusters")).Split('\n').Any(l => l.StartsWith("member1", StringComparison.Ordinal) && l.Contains(" Pull ", StringComparison.Ordinal) && l.Contains(" True ", StringComparison.Ordinal)),
                "kubectl get clusters shows member1 Pull and Ready",
                agent);
            Assert.Equal("eu-west", (await karmada.OkAsync("get", "cluster", "member1", "-o", "jsonpath={.spec.region}")).Trim());
            Assert.Equal("member1", (await karmada.OkAsync("-n", "karmada-cluster", "get", "lease", "member1", "-o", "jsonpath={.spec.holderIdentity}")).Trim());

            await karmada.OkAsync("create", "namespace", "demo");
            await UntilAsync(async () => (await memberKubectl.RunAsync("get", "namespace", "demo")).ExitCode == 0, "namespace demo synced to member1 by the agent", agent);
            await karmada.OkAsync("apply", "-f", Path.Combine(AppContext.BaseDirectory, "examples", "nginx-deployment.yaml"));
            var policy = Path.Combine(_dataDir.Path, "nginx-pull-policy.yaml");
            await File.WriteAllTextAsync(policy, """
                apiVersion: policy.karmada.io/v1alpha1
                kind: PropagationPolicy
                metadata:
                  name: nginx-propagation
                  namespace: demo
                spec:
                  resourceSelectors:
                    - apiVersion: apps/v1
                      kind: Deployment
                      name: nginx
                  placement:
                    clusterAffinity:
                      clusterNames:
                        - member1
                """);
            await karmada.OkAsync("apply", "-f", policy);

            await UntilAsync(
                async () => (await memberKubectl.RunAsync("-n", "demo", "get", "deployment", "nginx", "-o", "jsonpath={.spec.replicas}")).StandardOutput.Trim() == "4",
                "nginx with 4 replicas in member1",
                agent);
            await UntilAsync(
                async () => (await karmada.OkAsync("-n", "demo", "get", "deployment", "nginx", "-o", "jsonpath={.status.readyReplicas}")).Trim() == "4",
                "template readyReplicas 4",
                agent);
        }
        finally
        {
            await agent.DisposeAsync();
        }

        // The agent is gone: once the Lease is older than the grace period (40 s by default), Ready turns Unknown.
        await Eventually.UntilAsync(
            async () => (await karmada.OkAsync("get", "cluster", "member1", "-o", "jsonpath={.status.conditions[?(@.type=='Ready')].status}")).Trim() == "Unknown",
            TimeSpan.FromSeconds(75),
            "member1 not Ready after the agent stopped");
        Assert.Contains(
            "cluster.karmada.io/unreachable",
            await karmada.OkAsync("get", "cluster", "member1", "-o", "jsonpath={.spec.taints[*].key}"),
            StringComparison.Ordinal);
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, string because, KarmadaProcess agent)
    {
        try
        {
            await Eventually.UntilAsync(condition, Deadline, because);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}; agent output:\n{agent.Output}", ex);
        }
    }
}
