using Karmada.Api.Policy.V1Alpha1;
using Karmada.Policy.Propagation;

namespace Karmada.Policy.Tests.Propagation;

public sealed class PropagationPolicyMatcherTests
{
    private static readonly System.Text.Json.Nodes.JsonObject Deployment = TestJson.Obj("""
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"nginx","namespace":"test","labels":{"app":"nginx"}}}
        """);

    [Fact]
    public void GetHighestPriorityPropagationPolicy_ExplicitPriority_BeatsImplicit()
    {
        var policies = new[]
        {
            Pp("by-name", """{"apiVersion":"apps/v1","kind":"Deployment","name":"nginx"}"""),
            Pp("all", """{"apiVersion":"apps/v1","kind":"Deployment"}""", priority: 5),
        };

        Assert.Equal("all", PropagationPolicyMatcher.GetHighestPriorityPropagationPolicy(policies, Deployment)?.Metadata.Name);
    }

    [Fact]
    public void GetHighestPriorityPropagationPolicy_SameExplicit_MoreSpecificWins()
    {
        var policies = new[]
        {
            Pp("a-all", """{"apiVersion":"apps/v1","kind":"Deployment"}"""),
            Pp("z-label", """{"apiVersion":"apps/v1","kind":"Deployment","labelSelector":{"matchLabels":{"app":"nginx"}}}"""),
        };

        Assert.Equal("z-label", PropagationPolicyMatcher.GetHighestPriorityPropagationPolicy(policies, Deployment)?.Metadata.Name);
    }

    [Fact]
    public void GetHighestPriorityPropagationPolicy_FullTie_SmallerNameWins()
    {
        var policies = new[]
        {
            Pp("abc", """{"apiVersion":"apps/v1","kind":"Deployment"}"""),
            Pp("ab", """{"apiVersion":"apps/v1","kind":"Deployment"}"""),
        };

        Assert.Equal("ab", PropagationPolicyMatcher.GetHighestPriorityPropagationPolicy(policies, Deployment)?.Metadata.Name);
    }

    [Fact]
    public void LookForMatchedPolicy_DeletingOrOtherNamespace_IsSkipped()
    {
        var deleting = Pp("a-deleting", """{"apiVersion":"apps/v1","kind":"Deployment"}""");
        deleting.Metadata.DeletionTimestamp = DateTimeOffset.UnixEpoch;
        var elsewhere = Pp("b-elsewhere", """{"apiVersion":"apps/v1","kind":"Deployment"}""", ns: "other");
        var live = Pp("c-live", """{"apiVersion":"apps/v1","kind":"Deployment"}""");

        Assert.Equal("c-live", PropagationPolicyMatcher.LookForMatchedPolicy(Deployment, [deleting, elsewhere, live])?.Metadata.Name);
    }

    [Fact]
    public void LookForMatchedPolicy_ClusterScopedObject_ReturnsNull()
    {
        var role = TestJson.Obj("""{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRole","metadata":{"name":"r"}}""");

        Assert.Null(PropagationPolicyMatcher.LookForMatchedPolicy(role, [Pp("p", """{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRole"}""")]));
    }

    [Fact]
    public void FindMatchedPolicy_BothKindsMatch_PropagationPolicyWins()
    {
        var cpp = TestJson.Typed<ClusterPropagationPolicy>("""
            {"metadata":{"name":"cpp"},"spec":{"priority":100,"resourceSelectors":[{"apiVersion":"apps/v1","kind":"Deployment","name":"nginx"}]}}
            """);

        var matched = PropagationPolicyMatcher.FindMatchedPolicy(Deployment, [Pp("pp", """{"apiVersion":"apps/v1","kind":"Deployment"}""")], [cpp]);

        Assert.Equal("pp", matched?.PropagationPolicy?.Metadata.Name);
        Assert.Null(matched?.ClusterPropagationPolicy);
    }

    [Fact]
    public void FindMatchedPolicy_OnlyClusterPolicyMatches_ReturnsIt()
    {
        var cpp = TestJson.Typed<ClusterPropagationPolicy>("""
            {"metadata":{"name":"cpp"},"spec":{"resourceSelectors":[{"apiVersion":"apps/v1","kind":"Deployment"}]}}
            """);

        Assert.Equal("cpp", PropagationPolicyMatcher.FindMatchedPolicy(Deployment, [], [cpp])?.ClusterPropagationPolicy?.Metadata.Name);
    }

    private static PropagationPolicy Pp(string name, string selector, int? priority = null, string ns = "test")
    {
        var policy = TestJson.Typed<PropagationPolicy>($$$"""{"metadata":{"name":"{{{name}}}","namespace":"{{{ns}}}"},"spec":{"resourceSelectors":[{{{selector}}}]}}""");
        policy.Spec.Priority = priority;
        return policy;
    }
}
