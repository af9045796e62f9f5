using System.Globalization;
using Karmada.Testing;

namespace Karmada.E2E.Tests;

/// <summary>
/// Cluster failover with the real binaries: <c>karmada up --members 2</c>, a ClusterTaintPolicy applied with kubectl,
/// <c>karmada fault member1 unreachable</c>; the NoExecute taint moves a Divided Deployment's replicas to member2, and
/// <c>karmada fault member1 healthy</c> takes the taint away again.
/// </summary>
[Trait("Category", "E2E")]
[Collection(KarmadaUpCollection.Name)]
public sealed class FailoverE2ETests : IAsyncLifetime
{
    // Default thresholds: a member turns NotReady about 30-40 s after it stops answering.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(150);
    private readonly TempDirectory _dataDir = new("e2e-failover");
    private KarmadaUpProcess? _up;
    private Kubectl _controlPlane = null!;
    private Kubectl _member2 = null!;

    public async Task InitializeAsync()
    {
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        _up = await KarmadaUpProcess.StartUpAsync(TimeSpan.FromSeconds(90), "--members", "2", "--data-dir", _dataDir.Path, "--secure-port", port);
        _controlPlane = new Kubectl("1.33", Path.Combine(_dataDir.Path, "karmada-apiserver.config"));
        _member2 = new Kubectl("1.33", Path.Combine(_dataDir.Path, "members", "member2.config"));
    }

    public async Task DisposeAsync()
    {
        if (_up is not null)
        {
            await _up.DisposeAsync();
        }

        _dataDir.Dispose();
    }

    [Fact]
    public async Task UnreachableMember_NoExecuteTaintFromPolicy_MovesReplicas_HealthyRemovesTaint()
    {
        await ApplyAsync("""
            apiVersion: policy.karmada.io/v1alpha1
            kind: ClusterTaintPolicy
            metadata:
              name: detect-cluster-notready
            spec:
              addOnConditions:
                - conditionType: Ready
                  operator: NotIn
                  statusValues: ["True"]
              removeOnConditions:
                - conditionType: Ready
                  operator: In
                  statusValues: ["True"]
              taints:
                - key: cluster.karmada.io/not-ready
                  effect: NoExecute
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: default}
            spec:
              replicas: 4
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                    - name: main
                      image: nginx:1.27
            ---
            apiVersion: policy.karmada.io/v1alpha1
            kind: PropagationPolicy
            metadata: {name: web, namespace: default}
            spec:
              resourceSelectors:
                - {apiVersion: apps/v1, kind: Deployment, name: web}
              placement:
                clusterAffinity:
                  clusterNames: [member1, member2]
                replicaScheduling:
                  replicaSchedulingType: Divided
                  replicaDivisionPreference: Weighted
                  weightPreference:
                    staticWeightList:
                      - targetCluster: {clusterNames: [member1, member2]}
                        weight: 1
            """);
        await UntilAsync(async () => await GetAsync(_controlPlane, "rb", "web-deployment", "{.spec.clusters[*].replicas}") == "2 2", "web split 2/2");

        await FaultAsync("member1", "unreachable");

        await UntilAsync(
            async () => await GetAsync(_controlPlane, "cluster", "member1", "{.spec.taints[?(@.effect=='NoExecute')].key}") == "cluster.karmada.io/not-ready",
            "member1 tainted not-ready:NoExecute");
        await UntilAsync(
            async () => await GetAsync(_controlPlane, "rb", "web-deployment", "{.spec.clusters[*].name}={.spec.clusters[*].replicas}") == "member2=4",
            "all replicas moved to member2");
        await UntilAsync(async () => await GetAsync(_member2, "deployment", "web", "{.spec.replicas}") == "4", "member2 runs 4 replicas");
        await UntilAsync(async () => await GetAsync(_controlPlane, "rb", "web-deployment", "{.spec.gracefulEvictionTasks}") == "", "graceful eviction done");

        await FaultAsync("member1", "healthy");

        await UntilAsync(async () => await GetAsync(_controlPlane, "cluster", "member1", "{.spec.taints}") == "", "member1 taints removed");
    }

    private async Task ApplyAsync(string yaml)
    {
        var result = await _controlPlane.RunWithInputAsync(yaml, "apply", "-f", "-");
        Assert.True(result.ExitCode == 0, $"kubectl apply failed: {result}\n{yaml}");
    }

    private async Task FaultAsync(string member, string fault)
    {
        var memberDir = Path.Combine(_dataDir.Path, "members", member);
        var result = await ChildProcess.RunAsync("dotnet", [KarmadaProcess.BinaryPath, "fault", "--data-dir", memberDir, member, fault], null, null, TimeSpan.FromSeconds(60));
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    private static async Task<string?> GetAsync(Kubectl kubectl, string resource, string name, string jsonPath)
    {
        var result = await kubectl.RunAsync("-n", "default", "get", resource, name, "-o", $"jsonpath={jsonPath}");
        return result.ExitCode == 0 ? result.StandardOutput.Trim() : null;
    }

    private async Task UntilAsync(Func<Task<bool>> condition, string because)
    {
        try
        {
            await Eventually.UntilAsync(condition, Deadline, because);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}; karmada up output:\n{_up?.Output}", ex);
        }
    }
}
