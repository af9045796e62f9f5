using Karmada.Api.Policy.V1Alpha1;
using Karmada.Policy.Admission;

namespace Karmada.Policy.Tests.Admission;

public sealed class ClusterTaintPolicyValidatorTests
{
    [Fact]
    public void Validate_NoExecuteTaint_ForbiddenUnlessAllowed()
    {
        var policy = TestJson.Typed<ClusterTaintPolicy>("""
            {"metadata":{"name":"t"},"spec":{"addOnConditions":[{"conditionType":"Ready","operator":"In","statusValues":["False"]}],
             "taints":[{"key":"not-ready","effect":"NoExecute"}]}}
            """);

        var error = Assert.Single(ClusterTaintPolicyValidator.Validate(policy));

        Assert.Equal(("spec.taints[0].effect", FieldErrorType.Forbidden), (error.FieldPath, error.Type));
        Assert.Empty(ClusterTaintPolicyValidator.Validate(policy, allowNoExecuteTaintPolicy: true));
    }

    [Fact]
    public void Validate_MissingTaintsAndConditionParts_Required()
    {
        var policy = TestJson.Typed<ClusterTaintPolicy>("""
            {"metadata":{"name":"t"},"spec":{"removeOnConditions":[{"conditionType":"","operator":"NotIn","statusValues":[]}],"taints":[]}}
            """);

        Assert.Equal(
            ["spec.removeOnConditions[0].conditionType", "spec.removeOnConditions[0].statusValues", "spec.taints"],
            ClusterTaintPolicyValidator.Validate(policy).Select(e => e.FieldPath));
    }
}
