using System.Globalization;
using System.Text.Json.Nodes;
using Karmada.Api.Core;
using Karmada.Testing;

namespace Karmada.E2E.Tests;

/// <summary>
/// The scheduler with the real binaries against three members of different sizes (<see cref="SizedMembersFixture"/>):
/// dynamic weights follow the members' free capacity, <c>karmadactl cordon</c> keeps what is placed but steers new
/// bindings away, and an unschedulable binding explains itself per cluster in <c>kubectl describe rb</c>. Each test
/// works in its own namespace.
/// </summary>
[Trait("Category", "E2E")]
[Collection(KarmadaUpCollection.Name)]
public sealed class SchedulerE2ETests : IClassFixture<SizedMembersFixture>
{
    private const string UnschedulableTaint = "cluster.karmada.io/unschedulable:NoSchedule";

    // Placement fields beside clusterAffinity, indented for Policy's placement block.
    private const string DividedByAvailableReplicas = """
            replicaScheduling:
              replicaSchedulingType: Divided
              replicaDivisionPreference: Weighted
              weightPreference:
                dynamicWeight: AvailableReplicas
        """;

    private const string DividedEvenly = """
            replicaScheduling:
              replicaSchedulingType: Divided
              replicaDivisionPreference: Weighted
              weightPreference:
                staticWeightList:
                  - targetCluster: {clusterNames: [member1, member2, member3]}
                    weight: 1
        """;
    private readonly SizedMembersFixture _karmada;

    public SchedulerE2ETests(SizedMembersFixture karmada) => _karmada = karmada;

    private Kubectl ControlPlane => _karmada.ControlPlane;

    [Fact]
    public async Task DynamicWeightByAvailableReplicas_DividesInProportionToFreeCapacity_AndMembersRunTheirShare()
    {
        const string ns = "dynamic-weight";
        const int replicas = 10;
        const int cpuMillis = 500;
        const int memoryMi = 256;

        // The exact split follows from the profiles: shares proportional to the replicas each member has room for.
        // The sizes are chosen so every share is whole, which keeps rounding and tie-breaks out of the expectation.
        var available = SizedMembersFixture.Sizes.ToDictionary(s => s.Name, s => s.AvailableReplicas(cpuMillis, memoryMi), StringComparer.Ordinal);
        var total = available.Values.Sum();
        Assert.All(available.Values, a => Assert.Equal(0, replicas * a % total));
        var expected = available.ToDictionary(a => a.Key, a => replicas * a.Value / total, StringComparer.Ordinal);
        Assert.True(expected.Values.Max() - expected.Values.Min() > 1, "the sizes must give a split no even division would");

        await _karmada.CreateNamespaceAsync(ns);
        await ApplyAsync(
            Deployment(ns, "sized", replicas, cpuMillis, memoryMi) + "\n---\n" + Policy(ns, "sized", "[member1, member2, member3]", DividedByAvailableReplicas));

        var expectedTargets = Targets(expected);
        await _karmada.UntilAsync(async () => await BindingTargetsAsync(ns, "sized-deployment") == expectedTargets, $"binding sized-deployment scheduled as {expectedTargets}");
        Assert.Equal(
            $"{cpuMillis.ToString(CultureInfo.InvariantCulture)}m {memoryMi.ToString(CultureInfo.InvariantCulture)}Mi",
            await GetAsync(ControlPlane, ns, "resourcebinding", "sized-deployment", "{.spec.replicaRequirements.resourceRequest.cpu} {.spec.replicaRequirements.resourceRequest.memory}"));

        foreach (var (member, share) in expected)
        {
            var want = share.ToString(CultureInfo.InvariantCulture);
            await _karmada.UntilAsync(
                async () => await GetAsync(_karmada.Members[member], ns, "deployment", "sized", "{.spec.replicas}/{.status.readyReplicas}") == $"{want}/{want}",
                $"{member} runs {want} ready replicas of sized");
        }

        await _karmada.UntilAsync(async () => await GetAsync(ControlPlane, ns, "deployment", "sized", "{.status.readyReplicas}") == replicas.ToString(CultureInfo.InvariantCulture), "template readyReplicas summed over the members");

        // Free capacity, not size: once every member reports the running replicas' requests as allocated, the room
        // left is what the profiles give minus what runs, and one replica more than that cannot be placed.
        foreach (var (member, share) in expected)
        {
            await _karmada.UntilAsync(
                async () => await GetAsync(ControlPlane, null, "clusters.cluster.karmada.io", member, "{.status.resourceSummary.allocated.cpu}") is { Length: > 0 } cpu
                    && Quantity.Parse(cpu).MilliValue == share * cpuMillis,
                $"{member} reports {share} replicas' CPU as allocated");
        }

        // The summaries shrank under the running replicas; that alone moves nothing.
        Assert.Equal(expectedTargets, await BindingTargetsAsync(ns, "sized-deployment"));

        var free = total - replicas;
        await ApplyAsync(Deployment(ns, "too-big", free + 1, cpuMillis, memoryMi) + "\n---\n" + Policy(ns, "too-big", "[member1, member2, member3]", DividedByAvailableReplicas));
        await _karmada.UntilAsync(
            async () => await GetAsync(ControlPlane, ns, "resourcebinding", "too-big-deployment", "{.status.conditions[?(@.type=='Scheduled')].status}") == "False",
            "too-big Scheduled=False");
        Assert.Contains(
            string.Create(CultureInfo.InvariantCulture, $"Clusters available replicas {free} are not enough to schedule"),
            await GetAsync(ControlPlane, ns, "resourcebinding", "too-big-deployment", "{.status.conditions[?(@.type=='Scheduled')].message}"),
            StringComparison.Ordinal);
        Assert.Equal("", await BindingTargetsAsync(ns, "too-big-deployment"));
    }

    [Fact]
    public async Task Cordon_KeepsPlacedBindings_NewBindingsAvoidTheMemberAndExplainWhy_UncordonOpensItAgain()
    {
        const string ns = "cordon";
        await _karmada.CreateNamespaceAsync(ns);
        await ApplyAsync(Deployment(ns, "placed-dup", 1) + "\n---\n" + Policy(ns, "placed-dup", "[member1, member2, member3]"));
        await ApplyAsync(Deployment(ns, "placed-div", 3) + "\n---\n" + Policy(ns, "placed-div", "[member1, member2, member3]", DividedEvenly));
        await _karmada.UntilAsync(async () => await BindingTargetsAsync(ns, "placed-dup-deployment") == "member1=1,member2=1,member3=1", "placed-dup on every member");
        await _karmada.UntilAsync(async () => await BindingTargetsAsync(ns, "placed-div-deployment") == "member1=1,member2=1,member3=1", "placed-div split 1/1/1");
        await _karmada.UntilAsync(async () => await GetAsync(_karmada.Members["member2"], ns, "deployment", "placed-div", "{.spec.replicas}") == "1", "placed-div runs in member2");

        ProcessResult? uncordon = null;
        try
        {
            var cordon = await _karmada.KarmadactlAsync("cordon", "member2");
            Assert.True(cordon.ExitCode == 0, cordon.ToString());
            Assert.Equal("cluster/member2 cordoned", cordon.StandardOutput.Trim());
            Assert.Equal(
                "cluster.karmada.io/unschedulable:NoSchedule",
                await GetAsync(ControlPlane, null, "clusters.cluster.karmada.io", "member2", "{range .spec.taints[*]}{.key}:{.effect}{end}"));

            // A new Duplicated binding over all three lands on the other two only ...
            await ApplyAsync(Deployment(ns, "new-dup", 1) + "\n---\n" + Policy(ns, "new-dup", "[member1, member2, member3]"));
            await _karmada.UntilAsync(async () => await BindingTargetsAsync(ns, "new-dup-deployment") == "member1=1,member3=1", "new-dup avoids the cordoned member2");

            // ... and one that may only go to member2 cannot be scheduled, and says why for every cluster.
            await ApplyAsync(Deployment(ns, "only-member2", 1) + "\n---\n" + Policy(ns, "only-member2", "[member2]"));
            await _karmada.UntilAsync(
                async () => await GetAsync(ControlPlane, ns, "resourcebinding", "only-member2-deployment", "{.status.conditions[?(@.type=='Scheduled')].status}") == "False",
                "only-member2 Scheduled=False");
            var describe = "";
            await _karmada.UntilAsync(
                async () => (describe = await ControlPlane.OkAsync("-n", ns, "describe", "rb", "only-member2-deployment")).Contains("ScheduleBindingFailed", StringComparison.Ordinal),
                "describe rb lists the ScheduleBindingFailed event");
            Assert.Matches(@"Reason:\s+NoClusterFit\s+Status:\s+False\s+Type:\s+Scheduled", describe);
            Assert.Contains("0/3 clusters are available", describe, StringComparison.Ordinal);
            Assert.Contains("member1 (ClusterAffinity): cluster affinity not matched", describe, StringComparison.Ordinal);
            Assert.Contains($"member2 (TaintToleration): untolerated taint {UnschedulableTaint}", describe, StringComparison.Ordinal);
            Assert.Contains("member3 (ClusterAffinity): cluster affinity not matched", describe, StringComparison.Ordinal);
            Assert.Equal("", await BindingTargetsAsync(ns, "only-member2-deployment"));

            // NoSchedule moves nothing: by now the scheduler has seen the taint, and what was placed stays, member2's copy too.
            Assert.Equal("member1=1,member2=1,member3=1", await BindingTargetsAsync(ns, "placed-dup-deployment"));
            Assert.Equal("member1=1,member2=1,member3=1", await BindingTargetsAsync(ns, "placed-div-deployment"));
            Assert.Equal("1", await GetAsync(_karmada.Members["member2"], ns, "deployment", "placed-dup", "{.spec.replicas}"));
            Assert.Equal("1", await GetAsync(_karmada.Members["member2"], ns, "deployment", "placed-div", "{.spec.replicas}"));
        }
        finally
        {
            // Also after a failure: the class's other tests need member2 schedulable.
            uncordon = await _karmada.KarmadactlAsync("uncordon", "member2");
        }

        Assert.True(uncordon.ExitCode == 0, uncordon.ToString());
        Assert.Equal("cluster/member2 uncordoned", uncordon.StandardOutput.Trim());

        Assert.Equal("", await GetAsync(ControlPlane, null, "clusters.cluster.karmada.io", "member2", "{.spec.taints}"));
        await ApplyAsync(Deployment(ns, "after", 1) + "\n---\n" + Policy(ns, "after", "[member1, member2, member3]"));
        await _karmada.UntilAsync(async () => await BindingTargetsAsync(ns, "after-deployment") == "member1=1,member2=1,member3=1", "after uses member2 again");
        await _karmada.UntilAsync(async () => await GetAsync(_karmada.Members["member2"], ns, "deployment", "after", "{.spec.replicas}") == "1", "after runs in member2");

        // The binding that could not be placed is retried on the cluster change and now fits.
        await _karmada.UntilAsync(async () => await BindingTargetsAsync(ns, "only-member2-deployment") == "member2=1", "only-member2 scheduled once member2 is uncordoned");
        Assert.Equal("member1=1,member2=1,member3=1", await BindingTargetsAsync(ns, "placed-dup-deployment"));
        Assert.Equal("member1=1,member2=1,member3=1", await BindingTargetsAsync(ns, "placed-div-deployment"));
    }

    private static string Deployment(string ns, string name, int replicas, int? cpuMillis = null, int? memoryMi = null)
    {
        var resources = cpuMillis is null
            ? ""
            : string.Create(CultureInfo.InvariantCulture, $$"""
                      resources:
                        requests: {cpu: {{cpuMillis}}m, memory: {{memoryMi}}Mi}
            """);
        return string.Create(CultureInfo.InvariantCulture, $$"""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: {{name}}, namespace: {{ns}} }
            spec:
              replicas: {{replicas}}
              selector:
                matchLabels: {app: {{name}} }
              template:
                metadata:
                  labels: {app: {{name}} }
                spec:
                  containers:
                    - name: main
                      image: nginx:1.27
            {{resources}}
            """);
    }

    private static string Policy(string ns, string name, string clusters, string extraPlacement = "") => $$"""
        apiVersion: policy.karmada.io/v1alpha1
        kind: PropagationPolicy
        metadata: {name: {{name}}, namespace: {{ns}} }
        spec:
          resourceSelectors:
            - {apiVersion: apps/v1, kind: Deployment, name: {{name}} }
          placement:
            clusterAffinity:
              clusterNames: {{clusters}}
        {{extraPlacement}}
        """;

    private static string Targets(IEnumerable<KeyValuePair<string, int>> targets) => string.Join(
        ",",
        targets.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Key}={t.Value}")));

    private async Task ApplyAsync(string yaml)
    {
        var result = await ControlPlane.RunWithInputAsync(yaml, "apply", "-f", "-");
        Assert.True(result.ExitCode == 0, $"kubectl apply failed: {result}\n{yaml}");
    }

    /// <summary>The binding's <c>spec.clusters</c> as <c>name=replicas</c> by name, comma separated; null when there is no binding yet.</summary>
    private async Task<string?> BindingTargetsAsync(string ns, string name)
    {
        var result = await ControlPlane.RunAsync("-n", ns, "get", "resourcebinding", name, "-o", "json");
        if (result.ExitCode != 0)
        {
            return null;
        }

        var clusters = JsonNode.Parse(result.StandardOutput)!["spec"]?["clusters"]?.AsArray() ?? [];
        return Targets(clusters.OfType<JsonObject>().Select(c => KeyValuePair.Create((string)c["name"]!, (int?)c["replicas"] ?? 0)));
    }

    private static async Task<string?> GetAsync(Kubectl kubectl, string? ns, string resource, string name, string jsonPath)
    {
        string[] args = ns is null
            ? ["get", resource, name, "-o", $"jsonpath={jsonPath}"]
            : ["-n", ns, "get", resource, name, "-o", $"jsonpath={jsonPath}"];
        var result = await kubectl.RunAsync(args);
        return result.ExitCode == 0 ? result.StandardOutput.Trim() : null;
    }
}
