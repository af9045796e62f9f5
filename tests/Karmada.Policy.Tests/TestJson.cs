using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using Karmada.Api;

namespace Karmada.Policy.Tests;

/// <summary>Builds test inputs from JSON text, the shape upstream manifests and tests use.</summary>
internal static class TestJson
{
    public static JsonObject Obj([StringSyntax(StringSyntaxAttribute.Json)] string json) => JsonNode.Parse(json)!.AsObject();

    public static T Typed<T>([StringSyntax(StringSyntaxAttribute.Json)] string json) => KarmadaJson.Deserialize<T>(json);

    public static void Equal([StringSyntax(StringSyntaxAttribute.Json)] string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected} but got {actual?.ToJsonString() ?? "null"}");
}
