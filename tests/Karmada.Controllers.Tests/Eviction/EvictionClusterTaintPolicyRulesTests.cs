using Karmada.Api.Core;
using Karmada.Api.Meta;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Controllers.Eviction;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;
using CoreTaint = Karmada.Api.Core.Taint;
using PolicyTaint = Karmada.Api.Policy.V1Alpha1.Taint;

namespace Karmada.Controllers.Tests.Eviction;

public sealed class EvictionClusterTaintPolicyRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, 500, TimeSpan.Zero);

    private static MatchCondition Match(string type, MatchConditionOperator op, params ConditionStatus[] values) =>
        new() { ConditionType = type, Operator = op, StatusValues = [.. values] };

    private static ClusterV1Alpha1.Cluster Cluster(string name, ConditionStatus ready, params CoreTaint[] taints)
    {
        var cluster = new ClusterV1Alpha1.Cluster { Metadata = new ObjectMeta { Name = name, Labels = { ["env"] = name == "prod" ? "prod" : "dev" } } };
        cluster.Spec.Taints.AddRange(taints);
        cluster.Status.Conditions.Add(new Condition { Type = "Ready", Status = ready });
        return cluster;
    }

    private static ClusterTaintPolicy NotReadyPolicy(string name, int createdMinute, ClusterAffinity? targets = null) => new()
    {
        Metadata = new ObjectMeta { Name = name, CreationTimestamp = Now.AddMinutes(createdMinute) },
        Spec = new ClusterTaintPolicySpec
        {
            TargetClusters = targets,
            AddOnConditions = [Match("Ready", MatchConditionOperator.NotIn, ConditionStatus.True)],
            RemoveOnConditions = [Match("Ready", MatchConditionOperator.In, ConditionStatus.True)],
            Taints = [new PolicyTaint { Key = ClusterV1Alpha1.ClusterTaintKeys.NotReady, Effect = TaintEffect.NoExecute }],
        },
    };

    [Fact]
    public void ConditionsMatch_IsAndOfEveryMatch_AndEmptyNeverMatches()
    {
        List<Condition> conditions = [new() { Type = "Ready", Status = ConditionStatus.False }, new() { Type = "Healthy", Status = ConditionStatus.True }];
        Assert.True(ClusterTaintPolicyRules.ConditionsMatch(conditions, [Match("Ready", MatchConditionOperator.In, ConditionStatus.False, ConditionStatus.Unknown)]));
        Assert.True(ClusterTaintPolicyRules.ConditionsMatch(conditions, [
            Match("Ready", MatchConditionOperator.NotIn, ConditionStatus.True),
            Match("Healthy", MatchConditionOperator.In, ConditionStatus.True)]));
        Assert.False(ClusterTaintPolicyRules.ConditionsMatch(conditions, [
            Match("Ready", MatchConditionOperator.NotIn, ConditionStatus.True),
            Match("Healthy", MatchConditionOperator.NotIn, ConditionStatus.True)]));
        Assert.False(ClusterTaintPolicyRules.ConditionsMatch(conditions, []));
    }

    [Fact]
    public void ConditionsMatch_MissingConditionType_MatchesNeitherOperator()
    {
        List<Condition> conditions = [new() { Type = "Ready", Status = ConditionStatus.True }];
        Assert.False(ClusterTaintPolicyRules.ConditionsMatch(conditions, [Match("NetworkAvailable", MatchConditionOperator.In, ConditionStatus.False)]));
        Assert.False(ClusterTaintPolicyRules.ConditionsMatch(conditions, [Match("NetworkAvailable", MatchConditionOperator.NotIn, ConditionStatus.False)]));
    }

    [Fact]
    public void Apply_AddOnConditionsHold_AddsTaintStampedInWholeSeconds_OnceOnly()
    {
        var cluster = Cluster("m1", ConditionStatus.False);
        var taints = ClusterTaintPolicyRules.Apply(cluster, [NotReadyPolicy("p", 0)], Now);

        var taint = Assert.Single(taints);
        Assert.Equal((ClusterV1Alpha1.ClusterTaintKeys.NotReady, TaintEffect.NoExecute), (taint.Key, taint.Effect));
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero), taint.TimeAdded);
        Assert.Empty(cluster.Spec.Taints);

        cluster.Spec.Taints.AddRange(taints);
        var again = ClusterTaintPolicyRules.Apply(cluster, [NotReadyPolicy("p", 0)], Now.AddMinutes(5));
        Assert.True(ClusterTaintPolicyRules.SameTaints(taints, again));
    }

    [Fact]
    public void Apply_RemoveOnConditionsHold_RemovesOnlyThePolicysTaint()
    {
        var noSchedule = new CoreTaint { Key = ClusterV1Alpha1.ClusterTaintKeys.NotReady, Effect = TaintEffect.NoSchedule };
        var noExecute = new CoreTaint { Key = ClusterV1Alpha1.ClusterTaintKeys.NotReady, Effect = TaintEffect.NoExecute, TimeAdded = Now };
        var cluster = Cluster("m1", ConditionStatus.True, noSchedule, noExecute);

        var taints = ClusterTaintPolicyRules.Apply(cluster, [NotReadyPolicy("p", 0)], Now);

        Assert.Same(noSchedule, Assert.Single(taints));
    }

    [Fact]
    public void Apply_TargetClusters_LimitsThePolicy()
    {
        var onlyProd = new ClusterAffinity { LabelSelector = new LabelSelector { MatchLabels = { ["env"] = "prod" } } };
        var policy = NotReadyPolicy("p", 0, onlyProd);

        Assert.Empty(ClusterTaintPolicyRules.Apply(Cluster("dev", ConditionStatus.False), [policy], Now));
        Assert.Single(ClusterTaintPolicyRules.Apply(Cluster("prod", ConditionStatus.False), [policy], Now));
    }

    [Fact]
    public void Apply_ConflictingPolicies_OldestFirst_SoTheNewestDecides()
    {
        // "adds" (newer) adds the taint when Ready=False; "removes" (older) removes it on the same condition.
        var removes = NotReadyPolicy("removes", 0);
        removes.Spec.AddOnConditions = [Match("Ready", MatchConditionOperator.In, ConditionStatus.Unknown)];
        removes.Spec.RemoveOnConditions = [Match("Ready", MatchConditionOperator.In, ConditionStatus.False)];
        var adds = NotReadyPolicy("adds", 1);

        Assert.Single(ClusterTaintPolicyRules.Apply(Cluster("m1", ConditionStatus.False), [adds, removes], Now));

        removes.Metadata.CreationTimestamp = Now.AddMinutes(2);
        Assert.Empty(ClusterTaintPolicyRules.Apply(Cluster("m1", ConditionStatus.False), [adds, removes], Now));
    }
}
