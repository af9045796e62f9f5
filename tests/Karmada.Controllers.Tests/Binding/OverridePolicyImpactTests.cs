using Karmada.Api.Policy.V1Alpha1;
using Karmada.Controllers.Binding;
using WorkV1Alpha2 = Karmada.Api.Work.V1Alpha2;

namespace Karmada.Controllers.Tests.Binding;

public sealed class OverridePolicyImpactTests
{
    private static readonly WorkV1Alpha2.ObjectReference Nginx = new() { ApiVersion = "apps/v1", Kind = "Deployment", Namespace = "default", Name = "nginx" };

    [Fact]
    public void MayAffect_NoSelectors_EverythingInItsNamespace()
    {
        Assert.True(OverridePolicyImpact.MayAffect([], "default", Nginx));
        Assert.False(OverridePolicyImpact.MayAffect([], "other", Nginx));
        Assert.True(OverridePolicyImpact.MayAffect([], null, Nginx));
    }

    [Theory]
    [InlineData("apps/v1", "Deployment", null, null, true)]
    [InlineData("apps/v1", "Deployment", "default", "nginx", true)]
    [InlineData("apps/v1", "Deployment", null, "other", false)]
    [InlineData("apps/v1", "StatefulSet", null, null, false)]
    [InlineData("v1", "Deployment", null, null, false)]
    [InlineData("apps/v1", "Deployment", "other", null, false)]
    public void MayAffect_SelectorMatchesReference(string apiVersion, string kind, string? ns, string? name, bool expected)
    {
        var selector = new ResourceSelector { ApiVersion = apiVersion, Kind = kind, Namespace = ns, Name = name, LabelSelector = new() };

        Assert.Equal(expected, OverridePolicyImpact.MayAffect([selector], null, Nginx));
    }
}
