using Karmada.ApiServer.Http;
using Karmada.ApiServer.Selection;

namespace Karmada.ApiServer.Tests.Selection;

public sealed class FieldSelectorTests
{
    [Theory]
    [InlineData("metadata.name=web", true)]
    [InlineData("metadata.name==web", true)]
    [InlineData("metadata.name!=web", false)]
    [InlineData("metadata.name=web,metadata.namespace=default", true)]
    [InlineData("metadata.name=web,metadata.namespace=other", false)]
    [InlineData("involvedObject.kind=Deployment", true)]
    public void Matches_Terms_AreAnded(string selector, bool expected)
    {
        var fields = new Dictionary<string, string>
        {
            ["metadata.name"] = "web",
            ["metadata.namespace"] = "default",
            ["involvedObject.kind"] = "Deployment",
        };
        Assert.Equal(expected, FieldSelector.Parse(selector).Matches(f => fields.GetValueOrDefault(f)));
    }

    [Fact]
    public void RequiredValue_EqualityTerm_IsReturned()
    {
        Assert.Equal("web", FieldSelector.Parse("metadata.name=web").RequiredValue("metadata.name"));
        Assert.Null(FieldSelector.Parse("metadata.name!=web").RequiredValue("metadata.name"));
    }

    [Fact]
    public void Parse_TermWithoutOperator_Throws400()
    {
        Assert.Equal(400, Assert.Throws<ApiException>(() => FieldSelector.Parse("metadata.name")).Status.Code);
    }
}
