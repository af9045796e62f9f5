using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Karmada.Patching.Tests;

/// <summary>Compact JSON with the escaping Go uses for quotes (<c>\"</c> rather than <c>\u0022</c>).</summary>
internal static class JsonText
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Of(JsonNode? node) => node?.ToJsonString(Options) ?? "null";

    public static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
