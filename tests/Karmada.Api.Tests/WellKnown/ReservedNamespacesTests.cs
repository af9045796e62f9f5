using Karmada.Api.WellKnown;

namespace Karmada.Api.Tests.WellKnown;

public sealed class ReservedNamespacesTests
{
    [Theory]
    [InlineData("karmada-system", true)]
    [InlineData("karmada-cluster", true)]
    [InlineData("karmada-es-member1", true)]
    [InlineData("karmada-es-", true)]
    [InlineData("default", false)]
    [InlineData("karmada", false)]
    [InlineData("kube-system", false)]
    [InlineData(null, false)]
    public void IsReserved_Namespace_MatchesUpstreamRule(string? name, bool reserved)
    {
        Assert.Equal(reserved, ReservedNamespaces.IsReserved(name));
    }

    [Fact]
    public void ExecutionSpace_RoundTripsClusterName()
    {
        var space = ReservedNamespaces.ExecutionSpace("member1");

        Assert.Equal("karmada-es-member1", space);
        Assert.Equal("member1", ReservedNamespaces.ClusterOfExecutionSpace(space));
        Assert.Null(ReservedNamespaces.ClusterOfExecutionSpace("default"));
        Assert.Null(ReservedNamespaces.ClusterOfExecutionSpace("karmada-es-"));
        Assert.Throws<ArgumentException>(() => ReservedNamespaces.ExecutionSpace(""));
    }

    [Fact]
    public void WellKnownKeys_AreUniqueAndQualified()
    {
        var labels = ConstantsOf(typeof(WellKnownLabels));
        var annotations = ConstantsOf(typeof(WellKnownAnnotations));
        var finalizers = ConstantsOf(typeof(WellKnownFinalizers));

        foreach (var keys in new[] { labels, annotations, finalizers })
        {
            Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
            Assert.All(keys, k => Assert.Contains("/", k, StringComparison.Ordinal));
        }

        Assert.All(finalizers, f => Assert.StartsWith("karmada.io/", f, StringComparison.Ordinal));
        Assert.Contains("karmada.io/managed", labels);
        Assert.Contains("policy.karmada.io/applied-placement", annotations);
    }

    private static List<string> ConstantsOf(Type type) =>
        [.. type.GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];
}
