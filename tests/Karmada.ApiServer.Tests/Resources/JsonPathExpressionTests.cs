using System.Text.Json.Nodes;
using Karmada.ApiServer.Resources;

namespace Karmada.ApiServer.Tests.Resources;

public sealed class JsonPathExpressionTests
{
    private static readonly JsonNode Cluster = JsonNode.Parse("""
        {"spec":{"syncMode":"Push","replicas":3},
         "status":{"kubernetesVersion":"v1.31.0","conditions":[{"type":"Other","status":"False"},{"type":"Ready","status":"True"}],
                   "items":[{"n":"a"},{"n":"b"}]}}
        """)!;

    [Theory]
    [InlineData(".spec.syncMode", "Push")]
    [InlineData(".spec.replicas", "3")]
    [InlineData(".status.conditions[?(@.type==\"Ready\")].status", "True")]
    [InlineData(".status.conditions[?(@.type=='Other')].status", "False")]
    [InlineData(".status.items[*].n", "a,b")]
    [InlineData(".status.items[1].n", "b")]
    [InlineData("{.status.kubernetesVersion}", "v1.31.0")]
    public void EvaluateToString_PrinterColumnPaths_Work(string path, string expected)
    {
        Assert.Equal(expected, JsonPathExpression.EvaluateToString(Cluster, path));
    }

    [Fact]
    public void EvaluateToString_MissingPath_IsNull()
    {
        Assert.Null(JsonPathExpression.EvaluateToString(Cluster, ".status.missing.field"));
    }
}
