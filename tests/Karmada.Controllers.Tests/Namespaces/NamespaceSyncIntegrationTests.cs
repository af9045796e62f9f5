using System.Text.Json.Nodes;
using Karmada.Api;
using Karmada.Client;
using Karmada.Controllers.Namespaces;
using Karmada.Controllers.Tests.BindingStatus;
using Karmada.Testing;
using PolicyV1Alpha1 = Karmada.Api.Policy.V1Alpha1;
using WorkV1Alpha1 = Karmada.Api.Work.V1Alpha1;

namespace Karmada.Controllers.Tests.Namespaces;

/// <summary>The namespace controller against a real control plane: one Work per Cluster, skip rules, new clusters, overrides, deletion.</summary>
[Trait("Category", "Integration")]
public sealed class NamespaceSyncIntegrationTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly ResourceRef Clusters = new("cluster.karmada.io", "v1alpha1", "clusters", Namespaced: false);
    private static readonly ResourceRef Works = new("work.karmada.io", "v1alpha1", "works", Namespaced: true);
    private static readonly ResourceRef ClusterOverridePolicies = new("policy.karmada.io", "v1alpha1", "clusteroverridepolicies", Namespaced: false);
    private StatusControllersFixture _fixture = null!;

    private KubeApiClient Cp => _fixture.Client;

    public async Task InitializeAsync() => _fixture = await StatusControllersFixture.StartAsync(NamespaceSyncController.Name);

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task Namespaces_PropagateToEveryCluster_SkipRulesHold_NewClustersCatchUp_OverridesApply_DeletionRemovesWorks()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = cts.Token;
        await CreateClusterAsync("member1", ct);
        await CreateClusterAsync("member2", ct);

        // Skipped namespaces first; with one worker, the later namespace's Works prove they were processed.
        await CreateNamespaceAsync("kube-extra", null, ct);
        await CreateNamespaceAsync("opted-out", new JsonObject { ["namespace.karmada.io/skip-auto-propagation"] = "true" }, ct);
        await CreateNamespaceAsync("team-a", new JsonObject { ["team"] = "a" }, ct);

        var work = await WaitForWorkAsync("member1", "team-a", w => w is not null, "team-a Work in member1", ct);
        await WaitForWorkAsync("member2", "team-a", w => w is not null, "team-a Work in member2", ct);
        var manifest = Assert.Single(work!.Spec.Workload.Manifests);
        Assert.Equal("Namespace", (string?)manifest["kind"]);
        Assert.Equal("team-a", (string?)manifest["metadata"]!["name"]);
        Assert.Equal("a", (string?)manifest["metadata"]!["labels"]!["team"]);
        Assert.Contains("karmada.io/execution-controller", work.Metadata.Finalizers);
        Assert.Equal("team-a", Assert.Single(work.Metadata.OwnerReferences).Name);
        Assert.Equal(2, await CountWorksAsync("team-a", ct));
        Assert.Equal(0, await CountWorksAsync("kube-extra", ct));
        Assert.Equal(0, await CountWorksAsync("opted-out", ct));
        Assert.Equal(0, await CountWorksAsync("default", ct));
        Assert.Equal(0, await CountWorksAsync("karmada-system", ct));

        // A changed namespace updates its Works (same Work, same permanent id).
        var permanentId = work.Metadata.Labels["work.karmada.io/permanent-id"];
        await Cp.PatchAsync(ResourceRef.Namespaces, null, "team-a", PatchType.Merge, new JsonObject { ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["team"] = "b" } } }, cancellationToken: ct);
        work = await WaitForWorkAsync("member1", "team-a", w => (string?)w?.Spec.Workload.Manifests[0]["metadata"]?["labels"]?["team"] == "b", "label change propagated", ct);
        Assert.Equal(permanentId, work!.Metadata.Labels["work.karmada.io/permanent-id"]);

        // A new cluster gets every propagated namespace.
        await CreateClusterAsync("member3", ct);
        await WaitForWorkAsync("member3", "team-a", w => w is not null, "team-a Work in the new cluster", ct);

        // A ClusterOverridePolicy selecting Namespaces changes member1's copy only and is recorded on its Work.
        var policy = new PolicyV1Alpha1.ClusterOverridePolicy();
        policy.Metadata.Name = "namespace-region";
        policy.Spec.ResourceSelectors.Add(new PolicyV1Alpha1.ResourceSelector { ApiVersion = "v1", Kind = "Namespace" });
        policy.Spec.OverrideRules.Add(new PolicyV1Alpha1.RuleWithCluster
        {
            TargetCluster = new PolicyV1Alpha1.ClusterAffinity { ClusterNames = ["member1"] },
            Overriders = new PolicyV1Alpha1.Overriders
            {
                LabelsOverrider = [new PolicyV1Alpha1.LabelAnnotationOverrider { Operator = PolicyV1Alpha1.OverriderOperator.Add, Value = new() { ["region"] = "eu" } }],
            },
        });
        await Cp.CreateAsync(ClusterOverridePolicies, null, policy, KarmadaJson.GetTypeInfo<PolicyV1Alpha1.ClusterOverridePolicy>(), cancellationToken: ct);
        work = await WaitForWorkAsync(
            "member1",
            "team-a",
            w => (string?)w?.Spec.Workload.Manifests[0]["metadata"]?["labels"]?["region"] == "eu",
            "override applied to member1",
            ct);
        Assert.Contains("namespace-region", work!.Metadata.Annotations["policy.karmada.io/applied-cluster-overrides"], StringComparison.Ordinal);
        var member2 = await WaitForWorkAsync("member2", "team-a", w => w is not null, "member2 Work", ct);
        Assert.Null(member2!.Spec.Workload.Manifests[0]["metadata"]?["labels"]?["region"]);

        // Namespace deleted: garbage collection deletes its Works (the test plays the execution controller's finalizer).
        await Cp.DeleteAsync(ResourceRef.Namespaces, null, "team-a", cancellationToken: ct);
        foreach (var cluster in new[] { "member1", "member2", "member3" })
        {
            await WaitForWorkAsync(cluster, "team-a", w => w is null || w.Metadata.DeletionTimestamp is not null, $"team-a Work in {cluster} deleted", ct);
            await RemoveFinalizersAsync(cluster, "team-a", ct);
        }

        await Eventually.UntilAsync(async () => await CountWorksAsync("team-a", ct) == 0, Deadline, "team-a Works gone", ct);
    }

    private async Task CreateClusterAsync(string name, CancellationToken ct)
    {
        await Cp.CreateAsync(ResourceRef.Namespaces, new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = "karmada-es-" + name } }, cancellationToken: ct);
        await Cp.CreateAsync(Clusters, new JsonObject
        {
            ["apiVersion"] = "cluster.karmada.io/v1alpha1",
            ["kind"] = "Cluster",
            ["metadata"] = new JsonObject { ["name"] = name },
            ["spec"] = new JsonObject { ["syncMode"] = "Pull" },
        }, cancellationToken: ct);
    }

    private async Task CreateNamespaceAsync(string name, JsonObject? labels, CancellationToken ct)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (labels is not null)
        {
            metadata["labels"] = labels;
        }

        await Cp.CreateAsync(ResourceRef.Namespaces, new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = metadata }, cancellationToken: ct);
    }

    private async Task<WorkV1Alpha1.Work?> GetWorkAsync(string cluster, string ns, CancellationToken ct)
    {
        try
        {
            return await Cp.GetAsync(Works, "karmada-es-" + cluster, NamespaceWorkBuilder.WorkName(ns), KarmadaJson.GetTypeInfo<WorkV1Alpha1.Work>(), ct);
        }
        catch (ApiException ex) when (ex.IsNotFound())
        {
            return null;
        }
    }

    private async Task<WorkV1Alpha1.Work?> WaitForWorkAsync(string cluster, string ns, Func<WorkV1Alpha1.Work?, bool> condition, string because, CancellationToken ct)
    {
        WorkV1Alpha1.Work? last = null;
        await Eventually.UntilAsync(
            async () =>
            {
                last = await GetWorkAsync(cluster, ns, ct);
                return condition(last);
            },
            Deadline,
            because,
            ct);
        return last;
    }

    private async Task<int> CountWorksAsync(string ns, CancellationToken ct)
    {
        var works = await Cp.ListAsync(Works, null, KarmadaJson.GetTypeInfo<WorkV1Alpha1.Work>(), cancellationToken: ct);
        return works.Items.Count(w => w.Metadata.Name == NamespaceWorkBuilder.WorkName(ns));
    }

    private async Task RemoveFinalizersAsync(string cluster, string ns, CancellationToken ct)
    {
        var patch = new JsonObject { ["metadata"] = new JsonObject { ["finalizers"] = null } };
        try
        {
            await Cp.PatchAsync(Works, "karmada-es-" + cluster, NamespaceWorkBuilder.WorkName(ns), PatchType.Merge, patch, cancellationToken: ct);
        }
        catch (ApiException ex) when (ex.IsNotFound())
        {
            // Already gone.
        }
    }
}
