using System.Text.Json.Nodes;
using Karmada.Controllers.Namespaces;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;
using PolicyV1Alpha1 = Karmada.Api.Policy.V1Alpha1;

namespace Karmada.Controllers.Tests.Namespaces;

public sealed class NamespaceWorkBuilderTests
{
    private static JsonObject Namespace() => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Namespace",
        ["metadata"] = new JsonObject
        {
            ["name"] = "apps",
            ["uid"] = "ns-uid",
            ["resourceVersion"] = "42",
            ["creationTimestamp"] = "2026-01-01T00:00:00Z",
            ["labels"] = new JsonObject { ["team"] = "a" },
        },
        ["spec"] = new JsonObject { ["finalizers"] = new JsonArray("kubernetes") },
        ["status"] = new JsonObject { ["phase"] = "Active" },
    };

    private static ClusterV1Alpha1.Cluster Cluster(string name)
    {
        var cluster = new ClusterV1Alpha1.Cluster();
        cluster.Metadata.Name = name;
        return cluster;
    }

    private static PolicyV1Alpha1.ClusterOverridePolicy LabelPolicy(string cluster)
    {
        var policy = new PolicyV1Alpha1.ClusterOverridePolicy();
        policy.Metadata.Name = "ns-labels";
        policy.Spec.ResourceSelectors.Add(new PolicyV1Alpha1.ResourceSelector { ApiVersion = "v1", Kind = "Namespace" });
        policy.Spec.OverrideRules.Add(new PolicyV1Alpha1.RuleWithCluster
        {
            TargetCluster = new PolicyV1Alpha1.ClusterAffinity { ClusterNames = [cluster] },
            Overriders = new PolicyV1Alpha1.Overriders
            {
                LabelsOverrider = [new PolicyV1Alpha1.LabelAnnotationOverrider { Operator = PolicyV1Alpha1.OverriderOperator.Add, Value = new() { ["region"] = "eu" } }],
            },
        });
        return policy;
    }

    [Fact]
    public void Build_WorkInExecutionNamespace_OwnedByTheNamespace_WithPrunedManifest()
    {
        var work = NamespaceWorkBuilder.Build(Namespace(), Cluster("member1"), [], "work-id");

        Assert.Equal("karmada-es-member1", work.Metadata.Namespace);
        Assert.Equal(NamespaceWorkBuilder.WorkName("apps"), work.Metadata.Name);
        Assert.StartsWith("apps-", work.Metadata.Name, StringComparison.Ordinal);
        Assert.Equal(["karmada.io/execution-controller"], work.Metadata.Finalizers);
        Assert.Equal("work-id", work.Metadata.Labels["work.karmada.io/permanent-id"]);
        var owner = Assert.Single(work.Metadata.OwnerReferences);
        Assert.Equal(("v1", "Namespace", "apps", "ns-uid", true), (owner.ApiVersion, owner.Kind, owner.Name, owner.Uid, owner.Controller == true));
        Assert.DoesNotContain("policy.karmada.io/applied-cluster-overrides", work.Metadata.Annotations.Keys);

        var manifest = Assert.Single(work.Spec.Workload.Manifests);
        Assert.Equal("Namespace", (string?)manifest["kind"]);
        Assert.Null(manifest["status"]);
        Assert.Null(manifest["metadata"]!["resourceVersion"]);
        Assert.Null(manifest["metadata"]!["uid"]);
        Assert.Equal("true", (string?)manifest["metadata"]!["labels"]!["karmada.io/managed"]);
        Assert.Equal("a", (string?)manifest["metadata"]!["labels"]!["team"]);
        Assert.Equal("ns-uid", (string?)manifest["metadata"]!["annotations"]!["resourcetemplate.karmada.io/uid"]);
        Assert.Equal(work.Metadata.Name, (string?)manifest["metadata"]!["annotations"]!["work.karmada.io/name"]);
        Assert.Equal("karmada-es-member1", (string?)manifest["metadata"]!["annotations"]!["work.karmada.io/namespace"]);
    }

    [Fact]
    public void Build_ClusterOverridePolicy_AppliesToItsClusterOnlyAndIsRecorded()
    {
        var policies = new[] { LabelPolicy("member1") };
        var overridden = NamespaceWorkBuilder.Build(Namespace(), Cluster("member1"), policies, "id1");
        var untouched = NamespaceWorkBuilder.Build(Namespace(), Cluster("member2"), policies, "id2");

        Assert.Equal("eu", (string?)overridden.Spec.Workload.Manifests[0]["metadata"]!["labels"]!["region"]);
        Assert.Contains("ns-labels", overridden.Metadata.Annotations["policy.karmada.io/applied-cluster-overrides"], StringComparison.Ordinal);
        Assert.Null(untouched.Spec.Workload.Manifests[0]["metadata"]!["labels"]!["region"]);
        Assert.DoesNotContain("policy.karmada.io/applied-cluster-overrides", untouched.Metadata.Annotations.Keys);
    }

    [Fact]
    public void WorkName_IsTheSameForEveryClusterAndDiffersPerNamespace()
    {
        Assert.Equal(NamespaceWorkBuilder.WorkName("apps"), NamespaceWorkBuilder.Build(Namespace(), Cluster("member2"), [], "x").Metadata.Name);
        Assert.NotEqual(NamespaceWorkBuilder.WorkName("apps"), NamespaceWorkBuilder.WorkName("web"));
    }
}
