using System.Text.Json;
using System.Text.Json.Nodes;

namespace Karmada.Interpreter;

/// <summary>The type of a resource as its manifest states it: <c>apiVersion</c> (group/version) and <c>kind</c>.</summary>
/// <param name="ApiVersion">The API version, e.g. <c>apps/v1</c> or <c>v1</c>.</param>
/// <param name="Kind">The kind, e.g. <c>Deployment</c>.</param>
public readonly record struct GroupVersionKind(string ApiVersion, string Kind)
{
    /// <summary>The type of an unstructured object (empty strings when absent).</summary>
    public static GroupVersionKind Of(JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return new GroupVersionKind(Text(obj["apiVersion"]), Text(obj["kind"]));
    }

    /// <inheritdoc />
    public override string ToString() => $"{ApiVersion}, Kind={Kind}";

    private static string Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : "";
}
