using Karmada.Api.Policy.V1Alpha1;
using Karmada.Policy.Admission;

namespace Karmada.Policy.Tests.Admission;

public sealed class PropagationPolicyValidatorTests
{
    [Fact]
    public void Validate_ValidPolicy_NoErrors()
    {
        Assert.Empty(PropagationPolicyValidator.Validate(Policy("""{"placement":{"clusterAffinity":{"clusterNames":["m1"]}}}""")));
    }

    [Fact]
    public void Validate_MissingPermanentId_Required()
    {
        var policy = Policy("{}");
        policy.Metadata.Labels.Clear();

        var error = Assert.Single(PropagationPolicyValidator.Validate(policy));

        Assert.Equal("metadata.labels[propagationpolicy.karmada.io/permanent-id]", error.FieldPath);
        Assert.Equal(FieldErrorType.Required, error.Type);
        Assert.Equal("label propagationpolicy.karmada.io/permanent-id is required, it should be set by the mutating admission webhook", error.Message);
    }

    [Fact]
    public void Validate_SchedulerNameChanged_Forbidden()
    {
        var old = Policy("""{"schedulerName":"default-scheduler"}""");
        var updated = Policy("""{"schedulerName":"other"}""");

        var error = Assert.Single(PropagationPolicyValidator.Validate(updated, old));

        Assert.Equal("spec.schedulerName", error.FieldPath);
        Assert.Equal("the schedulerName should not be updated", error.Message);
    }

    [Fact]
    public void Validate_UnsetSchedulerNameDefaultedOnUpdate_Allowed()
    {
        var old = Policy("""{}""");
        var updated = Policy("""{"schedulerName":"default-scheduler"}""");

        Assert.Empty(PropagationPolicyValidator.Validate(updated, old));
    }

    [Fact]
    public void Validate_AffinityAndAffinities_BothRejected()
    {
        var policy = Policy("""{"placement":{"clusterAffinity":{},"clusterAffinities":[{"affinityName":"g1"},{"affinityName":"g1"}]}}""");

        var errors = PropagationPolicyValidator.Validate(policy);

        Assert.Contains(errors, e => e.FieldPath == "spec.placement" && e.Message == "clusterAffinities cannot co-exist with clusterAffinity");
        Assert.Contains(errors, e => e.FieldPath == "spec.placement.clusterAffinities" && e.Message == "each affinity term in a policy must have a unique name");
    }

    [Fact]
    public void Validate_FieldSelectorKeyAndOperator_Invalid()
    {
        var badKey = Policy("""{"placement":{"clusterAffinity":{"fieldSelector":{"matchExpressions":[{"key":"name","operator":"In","values":["a"]}]}}}}""");
        var badOp = Policy("""{"placement":{"clusterAffinity":{"fieldSelector":{"matchExpressions":[{"key":"zone","operator":"Exists"}]}}}}""");

        Assert.Equal("unsupported key \"name\", must be provider, region, or zone", Assert.Single(PropagationPolicyValidator.Validate(badKey)).Message);
        var error = Assert.Single(PropagationPolicyValidator.Validate(badOp));
        Assert.Equal("spec.placement.clusterAffinity.fieldSelector", error.FieldPath);
        Assert.Equal("unsupported operator \"Exists\", must be In or NotIn", error.Message);
    }

    [Fact]
    public void Validate_SpreadConstraints_UpstreamMessages()
    {
        var policy = Policy("""
            {"placement":{"spreadConstraints":[
              {"spreadByField":"region","spreadByLabel":"x","minGroups":3,"maxGroups":2},
              {"spreadByField":"region","minGroups":1},
              {"spreadByField":"region","minGroups":1}]}}
            """);

        var messages = PropagationPolicyValidator.Validate(policy).Select(e => (e.FieldPath, e.Message)).ToList();

        Assert.Equal(
        [
            ("spec.placement.spreadConstraints[0]", "spreadByLabel should not co-exist with spreadByField"),
            ("spec.placement.spreadConstraints[0]", "maxGroups lower than minGroups is not allowed"),
            ("spec.placement.spreadConstraints", "multiple region spread constraints are not allowed"),
            ("spec.placement.spreadConstraints", "the cluster spread constraint must be enabled in one of the constraints in case of SpreadByField is enabled"),
        ], messages);
    }

    [Fact]
    public void Validate_ApplicationFailoverWithoutPropagateDeps_Invalid()
    {
        var policy = Policy("""{"failover":{"application":{"decisionConditions":{"tolerationSeconds":-1},"purgeMode":"Directly","gracePeriodSeconds":10}}}""");

        var errors = PropagationPolicyValidator.Validate(policy).Select(e => (e.FieldPath, e.Message)).ToList();

        Assert.Equal(
        [
            ("spec.propagateDeps", "application failover is set, propagateDeps must be true"),
            ("spec.failover.application.decisionConditions.tolerationSeconds", "must be greater than or equal to 0"),
            ("spec.failover.application.gracePeriodSeconds", "only takes effect when purgeMode is graciously"),
        ], errors);
    }

    [Fact]
    public void Validate_GracefullyWithoutGracePeriod_Invalid()
    {
        var policy = Policy("""{"propagateDeps":true,"failover":{"application":{"decisionConditions":{},"purgeMode":"Gracefully"}}}""");

        var error = Assert.Single(PropagationPolicyValidator.Validate(policy));

        Assert.Equal("should not be empty when purgeMode is graciously", error.Message);
    }

    [Fact]
    public void Validate_PreemptionAlwaysWithoutName_Invalid()
    {
        var policy = Policy("""{"preemption":"Always"}""");

        var error = Assert.Single(PropagationPolicyValidator.Validate(policy));

        Assert.Equal("spec.resourceSelectors[0].name", error.FieldPath);
        Assert.Equal("name cannot be empty if preemption is Always, the empty name may cause unexpected resources preemption", error.Message);
    }

    [Fact]
    public void Validate_SuspensionConflict_UsesUpstreamPath()
    {
        var policy = Policy("""{"suspension":{"dispatching":true,"dispatchingOnClusters":{"clusterNames":["m1"]}}}""");

        var error = Assert.Single(PropagationPolicyValidator.Validate(policy));

        Assert.Equal("spec.suspension.suspension", error.FieldPath);
        Assert.Equal("suspension dispatching cannot co-exist with dispatchingOnClusters.clusterNames", error.Message);
    }

    [Fact]
    public void Validate_Tolerations_RejectNumericOperators()
    {
        var policy = Policy("""{"placement":{"clusterTolerations":[{"key":"k","operator":"Gt","value":"1"},{"operator":"Equal","value":"v"}]}}""");

        var errors = PropagationPolicyValidator.Validate(policy);

        Assert.Contains(errors, e => e.FieldPath == "spec.placement.clusterTolerations[0].operator" && e.Type == FieldErrorType.NotSupported && e.Message == "supported values: \"Equal\", \"Exists\"");
        Assert.Contains(errors, e => e.FieldPath == "spec.placement.clusterTolerations[1].operator" && e.Message.StartsWith("operator must be Exists when `key` is empty", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ClusterPolicyWithoutSelectors_Required()
    {
        var policy = TestJson.Typed<ClusterPropagationPolicy>("""{"metadata":{"name":"c","labels":{"clusterpropagationpolicy.karmada.io/permanent-id":"x"}},"spec":{}}""");

        var error = Assert.Single(PropagationPolicyValidator.Validate(policy));

        Assert.Equal(("spec.resourceSelectors", FieldErrorType.Required), (error.FieldPath, error.Type));
    }

    private static PropagationPolicy Policy(string spec)
    {
        var policy = TestJson.Typed<PropagationPolicy>($$$"""
            {"metadata":{"name":"p","namespace":"default","labels":{"propagationpolicy.karmada.io/permanent-id":"id-1"}},"spec":{{{spec}}}}
            """);
        if (policy.Spec.ResourceSelectors.Count == 0)
        {
            policy.Spec.ResourceSelectors.Add(new ResourceSelector { ApiVersion = "apps/v1", Kind = "Deployment" });
        }

        return policy;
    }
}
