using System.Text.Json.Nodes;

namespace Karmada.Policy.Json;

/// <summary>One RFC 6902 operation, shaped as upstream's <c>overrideOption{op, path, value}</c>.</summary>
/// <param name="Op">add, remove or replace.</param>
/// <param name="Path">RFC 6901 pointer of the target.</param>
/// <param name="Value">The value for add and replace.</param>
public sealed record JsonPatchOperation(string Op, string Path, JsonNode? Value)
{
    /// <summary>The operation as a JSON object, <c>value</c> left out when null as upstream's <c>omitempty</c> does.</summary>
    public JsonObject ToJson()
    {
        var obj = new JsonObject { ["op"] = Op, ["path"] = Path };
        if (Value is not null)
        {
            obj["value"] = Value.DeepClone();
        }

        return obj;
    }
}
