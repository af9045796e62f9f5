using Karmada.Controllers.Binding;

namespace Karmada.Controllers.Tests.Binding;

public sealed class WorkNamesTests
{
    [Fact]
    public void GenerateWorkName_NamespacedDeployment_MatchesUpstream()
    {
        // The name upstream's documentation shows for default/nginx.
        Assert.Equal("nginx-687f7fb96f", WorkNames.GenerateWorkName("Deployment", "nginx", "default"));
    }

    [Fact]
    public void GenerateWorkName_RbacNameWithColons_IsLowerCaseDnsName()
    {
        var name = WorkNames.GenerateWorkName("ClusterRole", "System:Controller:Tom", null);

        Assert.StartsWith("system.controller.tom-", name, StringComparison.Ordinal);
        Assert.Equal(name.ToLowerInvariant(), name);
    }

    [Fact]
    public void GenerateWorkName_DiffersByNamespaceAndKind()
    {
        var a = WorkNames.GenerateWorkName("Deployment", "web", "a");
        var b = WorkNames.GenerateWorkName("Deployment", "web", "b");
        var c = WorkNames.GenerateWorkName("Service", "web", "a");

        Assert.Equal(3, new[] { a, b, c }.Distinct().Count());
    }

    [Fact]
    public void ShortName_LongName_KeepsLeadingPartsAndAbbreviatesTheRest()
    {
        // Upstream's documented example.
        Assert.Equal(
            "lala-134-ab-abc-adfja2edklfja3rqdkfjasfa-12345678-ab",
            WorkNames.ShortName("lala.134-ab_abc-adfja2edklfja3rqdkfjasfa-1234567890123-a-b"));
    }

    [Fact]
    public void ShortName_ShortName_Unchanged() => Assert.Equal("nginx", WorkNames.ShortName("nginx"));
}
