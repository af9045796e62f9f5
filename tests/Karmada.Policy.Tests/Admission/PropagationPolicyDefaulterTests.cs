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
    public void Default_NoTolerations_AddsNoNoExecuteTolerations()
    {
        // Upstream's webhook stopped injecting not-ready/unreachable NoExecute tolerations in v1.14 (karmada#6373).
        var policy = TestJson.Typed<PropagationPolicy>("""
            {"metadata":{"name":"p","namespace":"team"},"spec":{"resourceSelectors":[{"apiVersion":"apps/v1","kind":"Deployment"}],"placement":{}}}
            """);
        var clusterPolicy = TestJson.Typed<ClusterPropagationPolicy>("""
            {"metadata":{"name":"c"},"spec":{"resourceSelectors":[{"apiVersion":"apps/v1","kind":"Deployment"}],"placement":{}}}
            """);

        PropagationPolicyDefaulter.Default(policy);
        PropagationPolicyDefaulter.ApplySchemaDefaults(policy.Spec);
        PropagationPolicyDefaulter.Default(clusterPolicy);
        PropagationPolicyDefaulter.ApplySchemaDefaults(clusterPolicy.Spec);

        Assert.Empty(policy.Spec.Placement.ClusterTolerations);
        Assert.Empty(clusterPolicy.Spec.Placement.ClusterTolerations);
    }

    [Fact]
    public void Default_UserTolerations_KeptAsWritten()
    {
        var policy = TestJson.Typed<PropagationPolicy>("""
            {"metadata":{"name":"p","namespace":"team"},"spec":{"resourceSelectors":[{"apiVersion":"apps/v1","kind":"Deployment"}],"placement":{
              "clusterTolerations":[{"key":"cluster.karmada.io/not-ready","operator":"Exists","effect":"NoExecute","tolerationSeconds":2}]}}}
            """);

        PropagationPolicyDefaulter.Default(policy);

        var toleration = Assert.Single(policy.Spec.Placement.ClusterTolerations);
        Assert.Equal("cluster.karmada.io/not-ready", toleration.Key);
        Assert.Equal(2, toleration.TolerationSeconds);
    }

    [Fact]
    public void Default_DividedWithPreference_KeepsPreference_DuplicatedGetsNone()
    {
        var aggregated = TestJson.Typed<ClusterPropagationPolicy>("""
            {"metadata":{"name":"a"},"spec":{"resourceSelectors":[],"placement":{"replicaScheduling":{"replicaSchedulingType":"Divided","replicaDivisionPreference":"Aggregated"}}}}
            """);
        var duplicated = TestJson.Typed<ClusterPropagationPolicy>("""
            {"metadata":{"name":"d"},"spec":{"resourceSelectors":[],"placement":{"replicaScheduling":{"replicaSchedulingType":"Duplicated"}}}}
            """);

        PropagationPolicyDefaulter.Default(aggregated);
        PropagationPolicyDefaulter.Default(duplicated);

        Assert.Equal(ReplicaDivisionPreference.Aggregated, aggregated.Spec.Placement.ReplicaScheduling!.ReplicaDivisionPreference);
        Assert.Null(duplicated.Spec.Placement.ReplicaScheduling!.ReplicaDivisionPreference);
    }

    [Fact]
    public void Default_FailoverGracePeriod_OnlyForGracefullyAndUnset()
    {
        var policy = TestJson.Typed<PropagationPolicy>("""
            {"metadata":{"name":"p","namespace":"team"},"spec":{"resourceSelectors":[],"placement":{},
              "failover":{"application":{"decisionConditions":{},"purgeMode":"Directly"}}}}
            """);
        var explicitGrace = TestJson.Typed<PropagationPolicy>("""
            {"metadata":{"name":"q","namespace":"team"},"spec":{"resourceSelectors":[],"placement":{},
              "failover":{"application":{"decisionConditions":{},"purgeMode":"Gracefully","gracePeriodSeconds":30}}}}
            """);

        PropagationPolicyDefaulter.Default(policy);
        PropagationPolicyDefaulter.Default(explicitGrace);

        Assert.Null(policy.Spec.Failover!.Application!.GracePeriodSeconds);
        Assert.Equal(30, explicitGrace.Spec.Failover!.Application!.GracePeriodSeconds);
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
    public void ApplyServerDefaults_SchemaDefaultsThenWebhookRules()
    {
        var policy = TestJson.Typed<PropagationPolicy>("""
            {"metadata":{"name":"p","namespace":"team"},"spec":{"resourceSelectors":[{"apiVersion":"apps/v1","kind":"Deployment"}],
              "placement":{"replicaScheduling":{}},"failover":{"application":{"decisionConditions":{}}}}}
            """);

        PropagationPolicyDefaulter.ApplyServerDefaults(policy);

        // Divided comes from the schema, Weighted from the webhook on top of it; likewise purgeMode then the grace period.
        Assert.Equal(ReplicaSchedulingType.Divided, policy.Spec.Placement.ReplicaScheduling!.ReplicaSchedulingType);
        Assert.Equal(ReplicaDivisionPreference.Weighted, policy.Spec.Placement.ReplicaScheduling.ReplicaDivisionPreference);
        Assert.Equal(PurgeMode.Gracefully, policy.Spec.Failover!.Application!.PurgeMode);
        Assert.Equal(600, policy.Spec.Failover.Application.GracePeriodSeconds);
        Assert.Equal(ConflictResolution.Abort, policy.Spec.ConflictResolution);
        Assert.Equal("default-scheduler", policy.Spec.SchedulerName);
        Assert.Equal("team", policy.Spec.ResourceSelectors[0].Namespace);
    }

    [Fact]
    public void Default_OverridePolicy_SetsSelectorNamespace()
    {
        var policy = TestJson.Typed<OverridePolicy>("""{"metadata":{"name":"o","namespace":"team"},"spec":{"resourceSelectors":[{"apiVersion":"v1","kind":"ConfigMap"}]}}""");

        OverridePolicyDefaulter.Default(policy);

        Assert.Equal("team", policy.Spec.ResourceSelectors[0].Namespace);
    }
}
