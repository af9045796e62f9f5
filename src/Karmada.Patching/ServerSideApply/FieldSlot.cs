using System.Text.Json.Nodes;
using Karmada.Patching.Schema;

namespace Karmada.Patching.ServerSideApply;

/// <summary>
/// One side of a field in the structured comparison walks (<see cref="StructuredComparer"/>, <see cref="CreatedFields"/>):
/// whether the field is present, and its value (a present field may hold JSON null).
/// </summary>
internal readonly record struct FieldSlot(bool Present, JsonNode? Value)
{
    /// <summary>
    /// The slot of <paramref name="name"/> in <paramref name="parent"/>. Go serializes some fields even when unset; they
    /// are modelled as present and empty inside an existing object.
    /// </summary>
    public static FieldSlot Of(JsonObject? parent, string name, PatchMeta meta)
    {
        if (parent is null)
        {
            return default;
        }

        if (parent.TryGetPropertyValue(name, out var value))
        {
            return new FieldSlot(true, value);
        }

        if (meta.AlwaysSerialized)
        {
            return new FieldSlot(true, meta.Kind == PatchMetaKind.List ? null : new JsonObject());
        }

        return default;
    }

    /// <summary>Both sides are objects or absent, and at least one is an object: walked field by field.</summary>
    public static bool IsObjectPair(JsonNode? lhs, JsonNode? rhs) =>
        (lhs is JsonObject || rhs is JsonObject) && (lhs is null or JsonObject) && (rhs is null or JsonObject);

    /// <summary>Both sides are arrays or absent, and at least one is an array: walked element by element.</summary>
    public static bool IsArrayPair(JsonNode? lhs, JsonNode? rhs) =>
        (lhs is JsonArray || rhs is JsonArray) && (lhs is null or JsonArray) && (rhs is null or JsonArray);
}
