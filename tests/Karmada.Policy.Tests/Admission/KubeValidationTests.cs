using Karmada.Policy.Admission;

namespace Karmada.Policy.Tests.Admission;

public sealed class KubeValidationTests
{
    [Theory]
    [InlineData("example.com/my-name", 0)]
    [InlineData("my_name.v1", 0)]
    [InlineData("/name", 1)]
    [InlineData("a/b/c", 1)]
    [InlineData("-bad", 1)]
    public void IsQualifiedName_Value_ErrorCount(string value, int errors)
    {
        Assert.Equal(errors, KubeValidation.IsQualifiedName(value).Count);
    }

    [Fact]
    public void IsQualifiedName_EmptyPrefix_UpstreamMessage()
    {
        Assert.Equal("prefix part must be non-empty", Assert.Single(KubeValidation.IsQualifiedName("/name")));
    }

    [Fact]
    public void IsDns1123Label_Dots_UpstreamMessage()
    {
        Assert.Equal("must not contain dots", Assert.Single(KubeValidation.IsDns1123Label("a.b")));
    }

    [Fact]
    public void IsValidLabelValue_TooLong_UpstreamMessage()
    {
        Assert.Equal("must be no more than 63 characters", Assert.Single(KubeValidation.IsValidLabelValue(new string('a', 64))));
    }
}
