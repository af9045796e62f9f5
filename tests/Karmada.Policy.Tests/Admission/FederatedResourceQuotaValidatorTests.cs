using Karmada.Api.Policy.V1Alpha1;
using Karmada.Policy.Admission;

namespace Karmada.Policy.Tests.Admission;

public sealed class FederatedResourceQuotaValidatorTests
{
    [Fact]
    public void Validate_ValidQuota_NoErrors()
    {
        Assert.Empty(FederatedResourceQuotaValidator.Validate(Quota("""
            {"overall":{"cpu":"10","pods":"20"},"staticAssignments":[{"clusterName":"m1","hard":{"cpu":"4"}},{"clusterName":"m2","hard":{"cpu":"6"}}]}
            """)));
    }

    [Fact]
    public void Validate_AssignmentsExceedOverall_Invalid()
    {
        var errors = FederatedResourceQuotaValidator.Validate(Quota("""
            {"overall":{"cpu":"5"},"staticAssignments":[{"clusterName":"","hard":{"cpu":"4","memory":"1Gi"}},{"clusterName":"m2","hard":{"cpu":"2"}}]}
            """));

        Assert.Equal(
        [
            ("spec.staticAssignments[0].clusterName", "clusterName cannot be empty"),
            ("spec.overall[cpu]", "overall is less than assignments"),
            ("spec.staticAssignments[0].hard[memory]", "assignment resourceName is not exist in overall"),
        ], errors.Select(e => (e.FieldPath, e.Message)));
    }

    [Fact]
    public void Validate_ResourceNamesAndQuantities_Checked()
    {
        var errors = FederatedResourceQuotaValidator.Validate(Quota("""{"overall":{"gpu":"1","pods":"1500m","cpu":"-1"}}"""));

        Assert.Equal(
        [
            ("spec.overall[cpu]", "must be greater than or equal to 0"),
            ("spec.overall[gpu]", "must be a standard resource type or fully qualified"),
            ("spec.overall[pods]", "must be an integer"),
            ("spec.overall[cpu]", "overall is less than assignments"),
        ], errors.Select(e => (e.FieldPath, e.Message)));
    }

    private static FederatedResourceQuota Quota(string spec) =>
        TestJson.Typed<FederatedResourceQuota>($$$"""{"metadata":{"name":"q","namespace":"default"},"spec":{{{spec}}}}""");
}
