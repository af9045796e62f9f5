using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Policy.Admission;

namespace Karmada.Policy.Tests.Admission;

public sealed class ClusterValidatorTests
{
    [Fact]
    public void Validate_ValidCluster_NoErrors()
    {
        Assert.Empty(ClusterValidator.Validate(Cluster("member1", """{"syncMode":"Push","apiEndpoint":"https://10.0.0.1:6443","secretRef":{"namespace":"karmada-cluster","name":"member1"}}""")));
    }

    [Fact]
    public void Validate_NameTooLong_Invalid()
    {
        var error = Assert.Single(ClusterValidator.Validate(Cluster(new string('a', 49), """{"syncMode":"Push"}""")));

        Assert.Equal(("metadata.name", "must be no more than 48 characters"), (error.FieldPath, error.Message));
    }

    [Fact]
    public void Validate_NameNotDnsLabel_Invalid()
    {
        var error = Assert.Single(ClusterValidator.Validate(Cluster("Member.1", """{"syncMode":"Push"}""")));

        Assert.Equal("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')", error.Message);
    }

    [Theory]
    [InlineData("10.0.0.1:6443", "apiEndpoint must be a valid URL: parse \"10.0.0.1:6443\": first path segment in URL cannot contain colon; desired format: hostname, hostname:port, IP or IP:port")]
    [InlineData("https://user@host", "user information is not permitted in the URL")]
    [InlineData("https://host?x=1", "query parameters are not permitted in the URL")]
    [InlineData("https://host#f", "fragments are not permitted in the URL")]
    [InlineData("host:6443", "host must be provided; desired format: hostname, hostname:port, IP or IP:port")]
    public void Validate_ApiEndpoint_UpstreamMessages(string endpoint, string message)
    {
        var error = Assert.Single(ClusterValidator.Validate(Cluster("m", $$$"""{"syncMode":"Push","apiEndpoint":"{{{endpoint}}}"}""")));

        Assert.Equal(("spec.apiEndpoint", message), (error.FieldPath, error.Message));
    }

    [Fact]
    public void Validate_SecretRefsAndProxy_Checked()
    {
        var errors = ClusterValidator.Validate(Cluster("m", """{"syncMode":"Pull","secretRef":{"namespace":"","name":""},"impersonatorSecretRef":{"namespace":"ns","name":""},"proxyURL":"ftp://proxy"}"""));

        Assert.Equal(
        [
            ("spec.secretRef.namespace", FieldErrorType.Required),
            ("spec.secretRef.name", FieldErrorType.Required),
            ("spec.impersonatorSecretRef.name", FieldErrorType.Required),
            ("spec.proxyURL", FieldErrorType.Invalid),
        ], errors.Select(e => (e.FieldPath, e.Type)));
        Assert.Equal("unsupported scheme \"ftp\", must be http, https, or socks5", errors[^1].Message);
    }

    [Fact]
    public void Validate_Taints_UniqueAndSupportedEffects()
    {
        var errors = ClusterValidator.Validate(Cluster("m", """
            {"syncMode":"Push","taints":[{"key":"a","effect":"NoSchedule"},{"key":"a","effect":"NoSchedule"},{"key":"b","effect":"PreferNoSchedule"}]}
            """));

        Assert.Contains(errors, e => e.FieldPath == "spec.taints[1]" && e.Type == FieldErrorType.Duplicate && e.Message == "taints must be unique by key and effect pair");
        Assert.Contains(errors, e => e.FieldPath == "spec.taints[2].effect" && e.Type == FieldErrorType.NotSupported && e.Message == "supported values: \"NoSchedule\", \"NoExecute\"");
    }

    [Theory]
    [InlineData("""[{"grade":0,"ranges":[{"name":"cpu","min":"0","max":"1"}]},{"grade":0,"ranges":[{"name":"cpu","min":"1","max":"9223372036854775807"}]}]""", "The grade of each models should not be the same")]
    [InlineData("""[{"grade":0,"ranges":[{"name":"cpu","min":"1","max":"2"}]}]""", "The min value of each resource in the first model should be 0")]
    [InlineData("""[{"grade":0,"ranges":[{"name":"cpu","min":"0","max":"1"}]},{"grade":1,"ranges":[{"name":"cpu","min":"2","max":"9223372036854775807"}]}]""", "Model intervals for resources must be contiguous and non-overlapping")]
    [InlineData("""[{"grade":0,"ranges":[{"name":"cpu","min":"0","max":"1"}]},{"grade":1,"ranges":[{"name":"cpu","min":"1","max":"2"}]}]""", "The max value of each resource in the last model should be MaxInt64")]
    [InlineData("""[{"grade":0,"ranges":[{"name":"cpu","min":"0","max":"0"}]}]""", "The max value of each resource must be greater than the min value")]
    public void Validate_ResourceModels_UpstreamMessages(string models, string message)
    {
        var error = Assert.Single(ClusterValidator.Validate(Cluster("m", $$$"""{"syncMode":"Push","resourceModels":{{{models}}}}""")));

        Assert.Equal(("spec.resourceModels", message), (error.FieldPath, error.Message));
    }

    [Fact]
    public void Validate_ResourceModelName_NotSupported()
    {
        var error = Assert.Single(ClusterValidator.Validate(Cluster("m", """{"syncMode":"Push","resourceModels":[{"grade":0,"ranges":[{"name":"gpu","min":"0","max":"9223372036854775807"}]}]}""")));

        Assert.Equal("spec.resourceModels.ranges.name", error.FieldPath);
        Assert.Equal(["cpu", "ephemeral-storage", "memory", "storage"], error.SupportedValues);
    }

    private static Cluster Cluster(string name, string spec) =>
        TestJson.Typed<Cluster>($$$"""{"metadata":{"name":"{{{name}}}"},"spec":{{{spec}}}}""");
}
