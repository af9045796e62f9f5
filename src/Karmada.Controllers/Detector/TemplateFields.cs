using System.Text.Json.Nodes;

namespace Karmada.Controllers.Detector;

/// <summary>Identity fields of an unstructured template; empty strings when absent (as Go's unstructured getters).</summary>
internal static class TemplateFields
{
    public static string ApiVersion(JsonObject obj) => Text(obj["apiVersion"]);

    public static string Kind(JsonObject obj) => Text(obj["kind"]);

    public static string Namespace(JsonObject obj) => Text(obj["metadata"]?["namespace"]);

    public static string Name(JsonObject obj) => Text(obj["metadata"]?["name"]);

    private static string Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : string.Empty;
}
