using Karmada.Api;
using Karmada.Cli;
using Karmada.Cli.Manifests;
using Karmada.Cli.Simulate;
using Karmada.Interpreter;
using Karmada.Scheduler.Framework.Plugins;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Controllers.Tests.Cli;

public sealed class PlacementSimulatorTests
{
    private const string Policy = """
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
              clusterNames: [member1, member2]
            replicaScheduling:
              replicaDivisionPreference: Weighted
              replicaSchedulingType: Divided
              weightPreference:
                staticWeightList:
                  - targetCluster: {clusterNames: [member1]}
                    weight: 1
                  - targetCluster: {clusterNames: [member2]}
                    weight: 1
        """;

    private const string Template = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: nginx
          namespace: demo
        spec:
          replicas: 4
          selector: {matchLabels: {app: nginx}}
          template:
            metadata: {labels: {app: nginx}}
            spec:
              containers: [{name: nginx, image: nginx:1.27}]
        """;

    [Fact]
    public void Simulate_StaticWeights_SplitsAndExplainsTheExcludedCluster()
    {
        var (policy, spec, templates) = PlacementSimulator.SplitPolicy(ManifestReader.Parse(Policy + "\n---\n" + Template, "test"));

        var result = PlacementSimulator.Simulate(Assert.Single(templates), policy, spec, null, ResourceInterpreter.CreateDefault(), Clusters("member1", "member2", "member3"));

        Assert.Equal("nginx-deployment", result.BindingName);
        Assert.Equal("demo", result.Namespace);
        Assert.Equal(4, result.Replicas);
        Assert.Null(result.Failure);
        Assert.Equal([("member1", 2), ("member2", 2)], result.TargetClusters.Select(t => (t.Name, t.Replicas)));
        var member3 = result.Clusters.Single(c => c.Cluster == "member3");
        Assert.Equal("Rejected", member3.Verdict);
        Assert.Equal(ClusterAffinityPlugin.PluginName, member3.RejectedBy);
        Assert.Equal("Fit", result.Clusters.Single(c => c.Cluster == "member1").Verdict);

        var table = SimulationPrinter.Table([result]);
        Assert.Contains("Binding: demo/nginx-deployment (replicas 4)", table, StringComparison.Ordinal);
        Assert.Contains("Result: Scheduled to member1 (2), member2 (2)", table, StringComparison.Ordinal);
        var document = SimulationPrinter.Document([result]);
        Assert.Equal(2, document["results"]![0]!["targetClusters"]!.AsArray().Count);
    }

    [Fact]
    public void Simulate_NoTemplate_UsesSelectorsAndReplicasFlag()
    {
        var (policy, spec, _) = PlacementSimulator.SplitPolicy(ManifestReader.Parse(Policy, "test"));
        var templates = PlacementSimulator.TemplatesFromSelectors(policy, spec);

        var result = PlacementSimulator.Simulate(Assert.Single(templates), policy, spec, 6, ResourceInterpreter.CreateDefault(), Clusters("member1", "member2"));

        Assert.Equal([3, 3], result.TargetClusters.Select(t => t.Replicas));
    }

    [Fact]
    public void Simulate_NoClusterFits_ReportsNoClusterFit()
    {
        var (policy, spec, templates) = PlacementSimulator.SplitPolicy(ManifestReader.Parse(Policy + "\n---\n" + Template, "test"));

        var result = PlacementSimulator.Simulate(templates[0], policy, spec, null, ResourceInterpreter.CreateDefault(), Clusters("member3"));

        Assert.Equal("NoClusterFit", result.Failure?.Reason);
        Assert.Empty(result.TargetClusters);
        Assert.Contains("Result: NoClusterFit: 0/1 clusters are available", SimulationPrinter.Table([result]), StringComparison.Ordinal);
    }

    [Fact]
    public void SplitPolicy_WithoutPolicy_SaysWhatIsNeeded()
    {
        var error = Assert.Throws<CliException>(() => PlacementSimulator.SplitPolicy(ManifestReader.Parse(Template, "test")));
        Assert.Contains("exactly one PropagationPolicy", error.Message, StringComparison.Ordinal);
    }

    internal static List<ClusterV1Alpha1.Cluster> Clusters(params string[] names) =>
        [.. names.Select(name => KarmadaJson.Deserialize<ClusterV1Alpha1.Cluster>(ManifestReader.Parse($$"""
            apiVersion: cluster.karmada.io/v1alpha1
            kind: Cluster
            metadata: {name: {{name}}}
            spec: {syncMode: Push, apiEndpoint: "https://127.0.0.1:6443"}
            status:
              conditions:
                - {type: Ready, status: "True", reason: ClusterReady, lastTransitionTime: "2026-01-01T00:00:00Z"}
                - {type: CompleteAPIEnablements, status: "True", reason: Complete, lastTransitionTime: "2026-01-01T00:00:00Z"}
              apiEnablements:
                - groupVersion: apps/v1
                  resources: [{name: deployments, kind: Deployment}]
              resourceSummary:
                allocatable: {cpu: "4", memory: 8Gi, pods: "110"}
                allocated: {cpu: 1500m, memory: 2Gi, pods: "3"}
            """, name)[0]))];
}
