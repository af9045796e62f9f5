using Karmada.Api.Policy.V1Alpha1;
using Karmada.Controllers.Detector;
using static Karmada.Controllers.Tests.Detector.DetectorTestObjects;

namespace Karmada.Controllers.Tests.Detector;

public sealed class PolicyResolverTests
{
    private static readonly System.Text.Json.Nodes.JsonObject Nginx = Deployment("apps", "nginx");

    [Fact]
    public void Resolve_Unclaimed_PicksBestPolicyNamespacedBeforeCluster()
    {
        var decision = PolicyResolver.Resolve(
            Nginx,
            [PropagationPolicy("apps", "by-kind", id: "pp-1"), PropagationPolicy("other", "elsewhere", id: "pp-2")],
            [ClusterPropagationPolicy("cluster-wide", selectName: "nginx", priority: 100, id: "cpp-1")],
            preemptionEnabled: true);

        Assert.Equal(PolicyDecisionKind.Apply, decision.Kind);
        Assert.Equal(new PolicyReference("apps", "by-kind", "pp-1"), decision.Policy);
    }

    [Fact]
    public void Resolve_UnclaimedAndNothingMatches_NoMatch() =>
        Assert.Equal(PolicyDecisionKind.NoMatch, PolicyResolver.Resolve(Nginx, [PropagationPolicy("apps", "p", selectName: "other")], [], true).Kind);

    [Fact]
    public void Resolve_ClaimedAndHigherPriorityWithoutPreemption_KeepsClaim()
    {
        var template = Claimed(Nginx, "apps", "low", "pp-low");
        var decision = PolicyResolver.Resolve(
            template,
            [PropagationPolicy("apps", "low", id: "pp-low"), PropagationPolicy("apps", "high", "nginx", priority: 10, id: "pp-high")],
            [],
            preemptionEnabled: true);

        Assert.Equal("low", decision.Policy!.Name);
    }

    [Fact]
    public void Resolve_ClaimedAndHigherPriorityWithPreemptionAlways_Preempts()
    {
        var template = Claimed(Nginx, "apps", "low", "pp-low");
        PropagationPolicy[] policies = [PropagationPolicy("apps", "low", id: "pp-low"), PropagationPolicy("apps", "high", "nginx", 10, PreemptionBehavior.Always, "pp-high")];

        Assert.Equal("high", PolicyResolver.Resolve(template, policies, [], preemptionEnabled: true).Policy!.Name);
        Assert.Equal("low", PolicyResolver.Resolve(template, policies, [], preemptionEnabled: false).Policy!.Name);
    }

    [Fact]
    public void Resolve_ClaimedAndEqualPriorityWithPreemptionAlways_KeepsClaim()
    {
        var template = Claimed(Nginx, "apps", "low", "pp-low");
        var decision = PolicyResolver.Resolve(
            template,
            [PropagationPolicy("apps", "low", id: "pp-low"), PropagationPolicy("apps", "a-same", "nginx", 0, PreemptionBehavior.Always, "pp-same")],
            [],
            preemptionEnabled: true);

        Assert.Equal("low", decision.Policy!.Name);
    }

    [Fact]
    public void Resolve_ClaimedByClusterPolicy_AnyPropagationPolicyWithPreemptionPreempts()
    {
        var template = Claimed(Nginx, null, "cpp", "cpp-1");
        var decision = PolicyResolver.Resolve(
            template,
            [PropagationPolicy("apps", "pp", "nginx", -5, PreemptionBehavior.Always, "pp-1")],
            [ClusterPropagationPolicy("cpp", priority: 100, id: "cpp-1")],
            preemptionEnabled: true);

        Assert.Equal(new PolicyReference("apps", "pp", "pp-1"), decision.Policy);
    }

    [Fact]
    public void Resolve_ClaimedByClusterPolicy_OnlyHigherClusterPolicyWithPreemptionPreempts()
    {
        var template = Claimed(Nginx, null, "cpp", "cpp-1");
        ClusterPropagationPolicy[] lower = [ClusterPropagationPolicy("cpp", priority: 5, id: "cpp-1"), ClusterPropagationPolicy("other", selectName: "nginx", priority: 1, preemption: PreemptionBehavior.Always, id: "cpp-2")];
        ClusterPropagationPolicy[] higher = [ClusterPropagationPolicy("cpp", priority: 5, id: "cpp-1"), ClusterPropagationPolicy("other", selectName: "nginx", priority: 6, preemption: PreemptionBehavior.Always, id: "cpp-2")];

        Assert.Equal("cpp", PolicyResolver.Resolve(template, [], lower, true).Policy!.Name);
        Assert.Equal("other", PolicyResolver.Resolve(template, [], higher, true).Policy!.Name);
    }

    [Fact]
    public void Resolve_ClaimedPolicyGone_Releases()
    {
        var template = Claimed(Nginx, "apps", "gone", "pp-gone");
        var decision = PolicyResolver.Resolve(template, [PropagationPolicy("apps", "other", id: "pp-2")], [], true);

        Assert.Equal(PolicyDecisionKind.Release, decision.Kind);
        Assert.Equal(new PolicyReference("apps", "gone", "pp-gone"), decision.Policy);
    }

    [Fact]
    public void Resolve_ClaimedPolicyNoLongerSelects_Releases()
    {
        var template = Claimed(Nginx, null, "cpp", "cpp-1");
        var decision = PolicyResolver.Resolve(template, [], [ClusterPropagationPolicy("cpp", selectName: "someone-else", id: "cpp-1")], true);

        Assert.Equal(PolicyDecisionKind.Release, decision.Kind);
    }

    [Fact]
    public void Resolve_ClaimedPolicyBeingDeleted_Waits()
    {
        var template = Claimed(Nginx, "apps", "p", "pp-1");
        var deleting = Deleting(PropagationPolicy("apps", "p", id: "pp-1"), p => p.Metadata);

        Assert.Equal(PolicyDecisionKind.Wait, PolicyResolver.Resolve(template, [deleting], [], true).Kind);
    }

    [Fact]
    public void Resolve_RecreatedPolicyWithNewId_AppliesItSoTheClaimIsRenewed()
    {
        var template = Claimed(Nginx, "apps", "p", "old-id");
        var decision = PolicyResolver.Resolve(template, [PropagationPolicy("apps", "p", id: "new-id")], [], true);

        Assert.Equal(new PolicyReference("apps", "p", "new-id"), decision.Policy);
    }
}
