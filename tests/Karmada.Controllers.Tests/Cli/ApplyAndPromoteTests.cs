using System.Text.Json.Nodes;
using Karmada.Cli.Apply;
using Karmada.Cli.Promote;
using Karmada.Controllers.Binding;

namespace Karmada.Controllers.Tests.Cli;

public sealed class ApplyAndPromoteTests
{
    [Fact]
    public void PolicyNames_HashMatchesUpstreamWorkNameHashing()
    {
        // GenerateWorkName and GeneratePolicyName hash with the same FNV-1a + SafeEncodeString; the Work name
        // "nginx-687f7fb96f" of default/nginx Deployment is upstream's (hash of "default-nginx-deployment").
        Assert.Equal(WorkNames.GenerateWorkName("Deployment", "nginx", "default"), PolicyNames.Generate("default-nginx-", "nginx", "deployment"));
    }

    [Fact]
    public void PolicyNames_Generate_NameThenHash_DnsSafe()
    {
        var name = PolicyNames.Generate("demo", "system:Reader", PolicyNames.GvkString("rbac.authorization.k8s.io/v1", "Role"));

        Assert.StartsWith("system.reader-", name, StringComparison.Ordinal);
        Assert.Matches("^[a-z0-9.-]+$", name);
        Assert.Equal("/v1, Kind=ConfigMap", PolicyNames.GvkString("v1", "ConfigMap"));
        Assert.Equal("apps/v1, Kind=Deployment", PolicyNames.GvkString("apps/v1", "Deployment"));
    }

    [Fact]
    public void Generate_AllClusters_NamespacedResource_IsPropagationPolicyWithEmptyAffinity()
    {
        var policy = PropagationPolicyGenerator.Generate("apps/v1", "Deployment", "demo", "nginx", []);

        Assert.Equal("PropagationPolicy", (string?)policy["kind"]);
        Assert.Equal("demo", (string?)policy["metadata"]!["namespace"]);
        Assert.Equal(PolicyNames.Generate("demo", "nginx", "apps/v1, Kind=Deployment"), (string?)policy["metadata"]!["name"]);
        var selector = policy["spec"]!["resourceSelectors"]![0]!;
        Assert.Equal("nginx", (string?)selector["name"]);
        Assert.Equal("Deployment", (string?)selector["kind"]);
        Assert.Null(policy["spec"]!["placement"]!["clusterAffinity"]!["clusterNames"]);
    }

    [Fact]
    public void Generate_ClusterScopedResource_IsClusterPropagationPolicy()
    {
        var policy = PropagationPolicyGenerator.Generate("rbac.authorization.k8s.io/v1", "ClusterRole", null, "reader", ["member1"]);

        Assert.Equal("ClusterPropagationPolicy", (string?)policy["kind"]);
        Assert.Null(policy["metadata"]!["namespace"]);
        Assert.Equal("member1", (string?)policy["spec"]!["placement"]!["clusterAffinity"]!["clusterNames"]![0]);
    }

    [Fact]
    public void PromotionPlan_PrunesServerFields_MarksOverwrite_AndTargetsTheCluster()
    {
        var member = new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject
            {
                ["name"] = "legacy",
                ["namespace"] = "demo",
                ["uid"] = "1234",
                ["resourceVersion"] = "42",
                ["creationTimestamp"] = "2026-01-01T00:00:00Z",
                ["managedFields"] = new JsonArray(),
                ["annotations"] = new JsonObject { ["deployment.kubernetes.io/revision"] = "1" },
            },
            ["spec"] = new JsonObject { ["replicas"] = 2 },
            ["status"] = new JsonObject { ["readyReplicas"] = 2 },
        };

        var plan = PromotionPlan.Build(member, "member2");

        var metadata = plan.Template["metadata"]!.AsObject();
        Assert.False(metadata.ContainsKey("uid"));
        Assert.False(metadata.ContainsKey("resourceVersion"));
        Assert.False(metadata.ContainsKey("managedFields"));
        Assert.False(plan.Template.ContainsKey("status"));
        Assert.Equal("overwrite", (string?)metadata["annotations"]!["work.karmada.io/conflict-resolution"]);
        Assert.Null(metadata["annotations"]!["deployment.kubernetes.io/revision"]);
        Assert.Equal(2, (int?)plan.Template["spec"]!["replicas"]);
        Assert.Equal("Overwrite", (string?)plan.Policy["spec"]!["conflictResolution"]);
        Assert.Equal("member2", (string?)plan.Policy["spec"]!["placement"]!["clusterAffinity"]!["clusterNames"]![0]);
        Assert.Equal("1234", (string?)member["metadata"]!["uid"]);
    }
}
