using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using Karmada.Api.Work.V1Alpha2;

namespace Karmada.Interpreter.Tests;

/// <summary>Builds interpreter inputs from JSON text.</summary>
internal static class TestJson
{
    public static JsonObject Obj([StringSyntax(StringSyntaxAttribute.Json)] string json) => JsonNode.Parse(json)!.AsObject();

    public static AggregatedStatusItem Item(string cluster, [StringSyntax(StringSyntaxAttribute.Json)] string? status) =>
        new() { ClusterName = cluster, Status = status is null ? null : Obj(status), Applied = true };

    public static void Equal([StringSyntax(StringSyntaxAttribute.Json)] string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected} but got {actual?.ToJsonString() ?? "null"}");
}
