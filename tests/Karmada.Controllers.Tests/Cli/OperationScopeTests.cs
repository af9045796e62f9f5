using System.Text.Json.Nodes;
using Karmada.Cli;
using Karmada.Cli.Get;

namespace Karmada.Controllers.Tests.Cli;

public sealed class OperationScopeTests
{
    [Theory]
    [InlineData(null, OperationScope.Karmada)]
    [InlineData("karmada", OperationScope.Karmada)]
    [InlineData("members", OperationScope.Members)]
    [InlineData("All", OperationScope.All)]
    public void Parse_UpstreamValues_DefaultKarmada(string? value, OperationScope expected)
    {
        Assert.Equal(expected, OperationScopeOption.Parse(value));
    }

    [Fact]
    public void Parse_Unknown_SaysWhatIsAllowed()
    {
        var error = Assert.Throws<CliException>(() => OperationScopeOption.Parse("member"));
        Assert.Contains("karmada, members, all", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scopes_SelectControlPlaneAndMembers()
    {
        Assert.True(OperationScope.Karmada.IncludesControlPlane());
        Assert.False(OperationScope.Karmada.IncludesMembers());
        Assert.False(OperationScope.Members.IncludesControlPlane());
        Assert.True(OperationScope.Members.IncludesMembers());
        Assert.True(OperationScope.All.IncludesControlPlane());
        Assert.True(OperationScope.All.IncludesMembers());
    }

    [Fact]
    public void Build_ControlPlaneRows_ClusterKarmadaAndNoAdoption_EvenWhenLabelledManaged()
    {
        var (headers, rows) = MultiClusterTable.Build(
            [new(OperationScopeOption.ControlPlaneCluster, Table("nginx"), IsControlPlane: true), new("member1", Table("nginx"))],
            wide: false,
            withNamespace: false);

        Assert.Equal(["NAME", "CLUSTER", "READY", "ADOPTION"], headers);
        Assert.Equal(["nginx", "Karmada", "1/1", "-"], rows[0]);
        Assert.Equal(["nginx", "member1", "1/1", "Y"], rows[1]);
    }

    private static JsonObject Table(string name) => new()
    {
        ["kind"] = "Table",
        ["apiVersion"] = "meta.k8s.io/v1",
        ["columnDefinitions"] = new JsonArray(
            new JsonObject { ["name"] = "Name", ["type"] = "string", ["priority"] = 0 },
            new JsonObject { ["name"] = "Ready", ["type"] = "string", ["priority"] = 0 }),
        ["rows"] = new JsonArray(new JsonObject
        {
            ["cells"] = new JsonArray(name, "1/1"),
            ["object"] = new JsonObject { ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = new JsonObject { ["karmada.io/managed"] = "true" } } },
        }),
    };
}
