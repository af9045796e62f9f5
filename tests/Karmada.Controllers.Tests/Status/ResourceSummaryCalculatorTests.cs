using System.Text.Json.Nodes;
using Karmada.Controllers.Status;

namespace Karmada.Controllers.Tests.Status;

public sealed class ResourceSummaryCalculatorTests
{
    private static JsonObject Node(string cpu, string memory, bool ready) => new()
    {
        ["metadata"] = new JsonObject { ["name"] = "n" },
        ["status"] = new JsonObject
        {
            ["allocatable"] = new JsonObject { ["cpu"] = cpu, ["memory"] = memory, ["pods"] = "110" },
            ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = ready ? "True" : "False" }),
        },
    };

    private static JsonObject Pod(string? nodeName, string phase, string cpu, string? initCpu = null)
    {
        var spec = new JsonObject
        {
            ["containers"] = new JsonArray(new JsonObject
            {
                ["name"] = "a",
                ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["cpu"] = cpu, ["memory"] = "1Gi" } },
            }),
            ["initContainers"] = new JsonArray(new JsonObject
            {
                ["name"] = "i",
                ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["cpu"] = initCpu ?? "0" } },
            }),
        };
        if (nodeName is not null)
        {
            spec["nodeName"] = nodeName;
        }

        return new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = "p", ["namespace"] = "d" },
            ["spec"] = spec,
            ["status"] = new JsonObject { ["phase"] = phase },
        };
    }

    [Fact]
    public void NodeSummary_CountsReadyNodes()
    {
        var summary = ResourceSummaryCalculator.NodeSummary([Node("4", "8Gi", true), Node("4", "8Gi", false)]);
        Assert.Equal(2, summary.TotalNum);
        Assert.Equal(1, summary.ReadyNum);
    }

    [Fact]
    public void ResourceSummary_SplitsAllocatingAndAllocated()
    {
        var summary = ResourceSummaryCalculator.ResourceSummary(
            [Node("4", "8Gi", true), Node("2500m", "8Gi", true)],
            [
                Pod("n1", "Running", "500m"),
                Pod("n1", "Pending", "100m", initCpu: "2"),
                Pod(null, "Pending", "250m"),
                Pod("n1", "Succeeded", "3"),
                Pod("n1", "Failed", "3"),
            ]);
        Assert.Equal("6500m", summary.Allocatable["cpu"]);
        Assert.Equal("16Gi", summary.Allocatable["memory"]);
        Assert.Equal("220", summary.Allocatable["pods"]);
        Assert.Equal("2500m", summary.Allocated["cpu"]);
        Assert.Equal("2Gi", summary.Allocated["memory"]);
        Assert.Equal("2", summary.Allocated["pods"]);
        Assert.Equal("250m", summary.Allocating["cpu"]);
        Assert.Equal("1", summary.Allocating["pods"]);
    }

    [Fact]
    public void ResourceSummary_NoPods_LeavesZeroesOut()
    {
        var summary = ResourceSummaryCalculator.ResourceSummary([], []);
        Assert.Empty(summary.Allocatable);
        Assert.Empty(summary.Allocated);
        Assert.Empty(summary.Allocating);
    }
}
