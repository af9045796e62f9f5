using Karmada.ApiServer.Http;
using Karmada.ApiServer.Selection;

namespace Karmada.ApiServer.Tests.Selection;

public sealed class LabelSelectorTests
{
    private static readonly Dictionary<string, string> Labels = new() { ["app"] = "web", ["tier"] = "frontend", ["env"] = "prod" };

    [Theory]
    [InlineData("", true)]
    [InlineData("app=web", true)]
    [InlineData("app==web", true)]
    [InlineData("app=api", false)]
    [InlineData("app!=api", true)]
    [InlineData("app!=web", false)]
    [InlineData("tier", true)]
    [InlineData("!tier", false)]
    [InlineData("!missing", true)]
    [InlineData("env in (prod,staging)", true)]
    [InlineData("env in (dev)", false)]
    [InlineData("env notin (dev, test)", true)]
    [InlineData("env notin (prod)", false)]
    [InlineData("app=web,tier=frontend", true)]
    [InlineData("app=web,tier=backend", false)]
    [InlineData("missing notin (x)", true)]
    [InlineData("example.com/key!=v", true)]
    public void Matches_Expression_AgreesWithKubernetes(string selector, bool expected)
    {
        Assert.Equal(expected, LabelSelector.Parse(selector).Matches(Labels));
    }

    [Theory]
    [InlineData("app=web,")]
    [InlineData("env in prod")]
    [InlineData("env in (prod")]
    [InlineData("=web")]
    public void Parse_BadSyntax_Throws400(string selector)
    {
        var ex = Assert.Throws<ApiException>(() => LabelSelector.Parse(selector).Matches(Labels));
        Assert.Equal(400, ex.Status.Code);
    }
}
