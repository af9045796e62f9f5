using System.Text.Json.Nodes;
using Karmada.Controllers.Namespaces;

namespace Karmada.Controllers.Tests.Namespaces;

public sealed class NamespaceSyncRulesTests
{
    [Theory]
    [InlineData("apps", true)]
    [InlineData("team-a", true)]
    [InlineData("karmada-system", false)]
    [InlineData("karmada-cluster", false)]
    [InlineData("karmada-es-member1", false)]
    [InlineData("kube-system", false)]
    [InlineData("kube-public", false)]
    [InlineData("default", false)]
    public void ShouldBeSynced_SkipsReservedDefaultAndKubeNamespaces(string name, bool expected) =>
        Assert.Equal(expected, NamespaceSyncRules.ShouldBeSynced(name));

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("false", false)]
    [InlineData(null, false)]
    public void SkipsAutoPropagation_FollowsTheLabel(string? value, bool expected)
    {
        var labels = new JsonObject();
        if (value is not null)
        {
            labels["namespace.karmada.io/skip-auto-propagation"] = value;
        }

        var ns = new JsonObject { ["metadata"] = new JsonObject { ["name"] = "apps", ["labels"] = labels } };
        Assert.Equal(expected, NamespaceSyncRules.SkipsAutoPropagation(ns));
    }
}
