using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Policy.Overrides;

namespace Karmada.Policy.Tests.Overrides;

public sealed class OverridePolicyApplierTests
{
    private static readonly Cluster Member = TestJson.Typed<Cluster>("""{"metadata":{"name":"member1","labels":{"env":"prod"}},"spec":{"syncMode":"Push"}}""");

    private static readonly System.Text.Json.Nodes.JsonObject Deployment = TestJson.Obj("""
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"nginx","namespace":"default","labels":{"app":"nginx"}}}
        """);

    [Fact]
    public void GetOverridersFromOverridePolicies_SortsByImplicitPriorityThenName()
    {
        var policies = new[]
        {
            Op("a-by-name", """[{"apiVersion":"apps/v1","kind":"Deployment","name":"nginx"}]""", "n"),
            Op("b-no-selectors", "[]", "a"),
            Op("c-by-label", """[{"apiVersion":"apps/v1","kind":"Deployment","labelSelector":{"matchLabels":{"app":"nginx"}}}]""", "l"),
            Op("a-match-all", """[{"apiVersion":"apps/v1","kind":"Deployment"}]""", "m"),
            Op("z-mismatch", """[{"apiVersion":"apps/v1","kind":"Deployment","name":"other"}]""", "x"),
        };

        var overriders = OverridePolicyApplier.GetOverridersFromOverridePolicies(policies, Deployment, Member);

        Assert.Equal(["a-match-all", "b-no-selectors", "c-by-label", "a-by-name"], overriders.Select(o => o.PolicyName));
    }

    [Fact]
    public void GetOverridersFromOverridePolicies_RulesFilteredByTargetCluster()
    {
        var policy = TestJson.Typed<OverridePolicy>("""
            {"metadata":{"name":"p","namespace":"default"},"spec":{"overrideRules":[
              {"targetCluster":{"clusterNames":["member2"]},"overriders":{"labelsOverrider":[{"operator":"add","value":{"r":"1"}}]}},
              {"targetCluster":{"labelSelector":{"matchLabels":{"env":"prod"}}},"overriders":{"labelsOverrider":[{"operator":"add","value":{"r":"2"}}]}},
              {"overriders":{"labelsOverrider":[{"operator":"add","value":{"r":"3"}}]}}]}}
            """);

        var overriders = OverridePolicyApplier.GetOverridersFromOverridePolicies([policy], Deployment, Member);

        Assert.Equal(["2", "3"], overriders.Select(o => o.Overriders.LabelsOverrider[0].Value["r"]));
    }

    [Fact]
    public void ApplyOverridePolicies_MoreSpecificPolicyAppliedLast_AndAnnotationsSortedByName()
    {
        var cop = TestJson.Typed<ClusterOverridePolicy>("""
            {"metadata":{"name":"cop"},"spec":{"overrideRules":[{"overriders":{"labelsOverrider":[{"operator":"add","value":{"owner":"cluster","z":"1","a":"2"}}]}}]}}
            """);
        var policies = new[]
        {
            Op("zz-all", """[{"apiVersion":"apps/v1","kind":"Deployment"}]""", "all"),
            Op("aa-name", """[{"apiVersion":"apps/v1","kind":"Deployment","name":"nginx"}]""", "name"),
            Op("other-ns", "[]", "other", ns: "kube-system"),
        };

        var result = OverridePolicyApplier.ApplyOverridePolicies(Deployment, Member, policies, [cop]);

        Assert.Equal("name", (string?)result.Object["metadata"]!["labels"]!["owner"]);
        Assert.Equal(["zz-all", "aa-name"], result.AppliedOverrides!.Items.Select(i => i.PolicyName));
        Assert.Equal(
            """[{"policyName":"aa-name","overriders":{"labelsOverrider":[{"operator":"add","value":{"owner":"name"}}]}},{"policyName":"zz-all","overriders":{"labelsOverrider":[{"operator":"add","value":{"owner":"all"}}]}}]""",
            result.AppliedOverrides.ToAnnotationValue());
        Assert.Equal(
            """[{"policyName":"cop","overriders":{"labelsOverrider":[{"operator":"add","value":{"a":"2","owner":"cluster","z":"1"}}]}}]""",
            result.AppliedClusterOverrides!.ToAnnotationValue());
        Assert.Null(Deployment["metadata"]!["labels"]!["owner"]);
    }

    [Fact]
    public void ApplyOverridePolicies_ClusterScopedObject_IgnoresNamespacedPolicies()
    {
        var role = TestJson.Obj("""{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRole","metadata":{"name":"r"}}""");

        var result = OverridePolicyApplier.ApplyOverridePolicies(role, Member, [Op("p", "[]", "x", ns: "")], []);

        Assert.Null(result.AppliedOverrides);
        Assert.Null(result.AppliedClusterOverrides);
    }

    [Fact]
    public void ApplyOverridePolicies_DeprecatedTargetClusterAndOverriders_AreOneRule()
    {
        var policy = TestJson.Typed<OverridePolicy>("""
            {"metadata":{"name":"old","namespace":"default"},"spec":{"targetCluster":{"clusterNames":["member1"]},
             "overriders":{"plaintext":[{"path":"/metadata/labels/old","operator":"add","value":"yes"}]}}}
            """);

        var result = OverridePolicyApplier.ApplyOverridePolicies(Deployment, Member, [policy], []);

        Assert.Equal("yes", (string?)result.Object["metadata"]!["labels"]!["old"]);
        Assert.Equal(
            """[{"policyName":"old","overriders":{"plaintext":[{"path":"/metadata/labels/old","operator":"add","value":"yes"}]}}]""",
            result.AppliedOverrides!.ToAnnotationValue());
    }

    private static OverridePolicy Op(string name, string selectors, string owner, string ns = "default") =>
        TestJson.Typed<OverridePolicy>($$$"""
            {"metadata":{"name":"{{{name}}}","namespace":"{{{ns}}}"},"spec":{"resourceSelectors":{{{selectors}}},
             "overrideRules":[{"overriders":{"labelsOverrider":[{"operator":"add","value":{"owner":"{{{owner}}}"}}]}}]}}
            """);
}
