using System.Text.Json.Nodes;
using Karmada.Cli.Get;
using Karmada.Cli.Output;

namespace Karmada.Controllers.Tests.Cli;

public sealed class MultiClusterTableTests
{
    [Fact]
    public void Build_TwoMembers_InsertsClusterAfterNameAndAdoptionLast()
    {
        var (headers, rows) = MultiClusterTable.Build([new("member1", Table("nginx", managed: true)), new("member2", Table("web", managed: false))], wide: false, withNamespace: false);

        Assert.Equal(["NAME", "CLUSTER", "READY", "AGE", "ADOPTION"], headers);
        Assert.Equal(["nginx", "member1", "1/1", "5m", "Y"], rows[0]);
        Assert.Equal(["web", "member2", "1/1", "5m", "N"], rows[1]);
    }

    [Fact]
    public void Build_WideAndAllNamespaces_ShowsPriorityColumnsAndNamespaceFirst()
    {
        var (headers, rows) = MultiClusterTable.Build([new("member1", Table("nginx", managed: true))], wide: true, withNamespace: true);

        Assert.Equal(["NAMESPACE", "NAME", "CLUSTER", "READY", "AGE", "IMAGES", "ADOPTION"], headers);
        Assert.Equal(["demo", "nginx", "member1", "1/1", "5m", "nginx:1.27", "Y"], Assert.Single(rows));
    }

    [Fact]
    public void FormatCell_KubectlRendering()
    {
        Assert.Equal("<none>", MultiClusterTable.FormatCell(null));
        Assert.Equal("3", MultiClusterTable.FormatCell(JsonValue.Create(3)));
        Assert.Equal("true", MultiClusterTable.FormatCell(JsonValue.Create(true)));
        Assert.Equal("x", MultiClusterTable.FormatCell(JsonValue.Create("x")));
    }

    [Fact]
    public void TableWriter_PadsColumnsLikeKubectl()
    {
        var text = TableWriter.Format(["NAME", "CLUSTER", "AGE"], [["nginx", "member1", "5m"], ["a", "b", "10d"]]);

        Assert.Equal("NAME    CLUSTER   AGE\nnginx   member1   5m\na       b         10d\n", text);
    }

    private static JsonObject Table(string name, bool managed)
    {
        var labels = new JsonObject { ["app"] = name };
        if (managed)
        {
            labels["karmada.io/managed"] = "true";
        }

        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["columnDefinitions"] = new JsonArray(
                Column("Name", 0),
                Column("Ready", 0),
                Column("Age", 0),
                Column("Images", 1)),
            ["rows"] = new JsonArray(new JsonObject
            {
                ["cells"] = new JsonArray(name, "1/1", "5m", "nginx:1.27"),
                ["object"] = new JsonObject { ["kind"] = "PartialObjectMetadata", ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "demo", ["labels"] = labels } },
            }),
        };
    }

    private static JsonObject Column(string name, int priority) => new() { ["name"] = name, ["type"] = "string", ["priority"] = priority };
}
