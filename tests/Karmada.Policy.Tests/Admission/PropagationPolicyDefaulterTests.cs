using Karmada.Api.Policy.V1Alpha1;
using Karmada.Policy.Admission;

namespace Karmada.Policy.Tests.Admission;

public sealed class PropagationPolicyDefaulterTests
{
    [Fact]
    public void Default_PropagationPolicy_AppliesWebhookRules()
    {
        var policy = TestJson.Typed<PropagationPolicy>("""
            {"metadata":{"name":"p","namespace":"team"},"spec":{
              "resourceSelectors":[{"apiVersion":"apps/v1","kind":"Deployment"},{"apiVersion":"v1","kind":"Service","namespace":"other"}],
              "placement":{"replicaScheduling":{"replicaSchedulingType":"Divided"},"spreadConstraints":[{"maxGroups":2},{"spreadByLabel":"x","minGroups":2}]},
              "failover":{"application":{"decisionConditions":{},"purgeMode":"Gracefully"}}}}
            """);

        PropagationPolicyDefaulter.Default(policy);

        Assert.Equal(["team", "other"], policy.Spec.ResourceSelectors.Select(s => s.Namespace));
        Assert.Equal(ReplicaDivisionPreference.Weighted, policy.Spec.Placement.ReplicaScheduling!.ReplicaDivisionPreference);
        Assert.Equal(SpreadFieldValue.Cluster, policy.Spec.Placement.SpreadConstraints[0].SpreadByField);
        Assert.Equal(1, policy.Spec.Placement.SpreadConstraints[0].MinGroups);
        Assert.Null(policy.Spec.Placement.SpreadConstraints[1].SpreadByField);
        Assert.Equal(2, policy.Spec.Placement.SpreadConstraints[1].MinGroups);
        Assert.Equal(600, policy.Spec.Failover!.Application!.GracePeriodSeconds);
    }

    [Fact]
    public void Default_ServiceImport_PropagatesDepsAndFollowersOnce()
    {
        var policy = TestJson.Typed<ClusterPropagationPolicy>("""
            {"metadata":{"name":"c"},"spec":{"resourceSelectors":[{"apiVersion":"multicluster.x-k8s.io/v1alpha1","kind":"ServiceImport","namespace":"ns","name":"svc"}]}}
            """);

        PropagationPolicyDefaulter.Default(policy);
        PropagationPolicyDefaulter.Default(policy);

        Assert.True(policy.Spec.PropagateDeps);
        Assert.Equal(3, policy.Spec.ResourceSelectors.Count);
        Assert.Equal("derived-svc", policy.Spec.ResourceSelectors[1].Name);
        Assert.Equal("derived-svc", policy.Spec.ResourceSelectors[2].LabelSelector!.MatchLabels["kubernetes.io/service-name"]);
    }

    [Fact]
    public void ApplySchemaDefaults_EmptySpec_SetsCrdDefaults()
    {
        var spec = TestJson.Typed<PropagationSpec>("""{"placement":{"replicaScheduling":{}},"failover":{"application":{"decisionConditions":{}}}}""");

        PropagationPolicyDefaulter.ApplySchemaDefaults(spec);

        Assert.Equal(0, spec.Priority);
        Assert.Equal(PreemptionBehavior.Never, spec.Preemption);
        Assert.Equal(ConflictResolution.Abort, spec.ConflictResolution);
        Assert.Equal("default-scheduler", spec.SchedulerName);
        Assert.Equal(ReplicaSchedulingType.Divided, spec.Placement.ReplicaScheduling!.ReplicaSchedulingType);
        Assert.Equal(300, spec.Failover!.Application!.DecisionConditions.TolerationSeconds);
        Assert.Equal(PurgeMode.Gracefully, spec.Failover.Application.PurgeMode);
    }

    [Fact]
    public void Default_OverridePolicy_SetsSelectorNamespace()
    {
        var policy = TestJson.Typed<OverridePolicy>("""{"metadata":{"name":"o","namespace":"team"},"spec":{"resourceSelectors":[{"apiVersion":"v1","kind":"ConfigMap"}]}}""");

        OverridePolicyDefaulter.Default(policy);

        Assert.Equal("team", policy.Spec.ResourceSelectors[0].Namespace);
    }
}
