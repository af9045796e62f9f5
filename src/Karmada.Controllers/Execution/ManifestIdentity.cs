using System.Text.Json;
using System.Text.Json.Nodes;

namespace Karmada.Controllers.Execution;

/// <summary>What a manifest (or the member object it became) is: apiVersion, kind, namespace and name.</summary>
public readonly record struct ManifestIdentity(string ApiVersion, string Kind, string? Namespace, string Name)
{
    /// <summary>The API group; empty for the core group.</summary>
    public string Group => ApiVersion.Contains('/', StringComparison.Ordinal) ? ApiVersion[..ApiVersion.IndexOf('/', StringComparison.Ordinal)] : "";

    /// <summary>The API version without the group.</summary>
    public string Version => ApiVersion.Contains('/', StringComparison.Ordinal) ? ApiVersion[(ApiVersion.IndexOf('/', StringComparison.Ordinal) + 1)..] : ApiVersion;

    /// <summary>Reads the identity of an unstructured object; missing fields are empty.</summary>
    public static ManifestIdentity Of(JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var metadata = obj["metadata"] as JsonObject;
        var ns = Text(metadata?["namespace"]);
        return new ManifestIdentity(Text(obj["apiVersion"]), Text(obj["kind"]), ns.Length == 0 ? null : ns, Text(metadata?["name"]));
    }

    public override string ToString() => $"kind={Kind}, {Namespace}/{Name}";

    private static string Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : "";
}
