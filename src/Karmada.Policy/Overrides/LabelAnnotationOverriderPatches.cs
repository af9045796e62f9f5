using System.Text.Json.Nodes;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Policy.Json;
using Karmada.Policy.Selection;

namespace Karmada.Policy.Overrides;

/// <summary>
/// The JSON patches of a labels or annotations overrider (upstream <c>labelannotationoverrider.go</c>): <c>add</c> sets
/// every key (creating the map when missing), <c>replace</c> and <c>remove</c> touch only keys that exist. A <c>/</c>
/// in a key is escaped as <c>~1</c>.
/// </summary>
public static class LabelAnnotationOverriderPatches
{
    /// <summary>The metadata map patched by labels overriders.</summary>
    public const string LabelsField = "labels";

    /// <summary>The metadata map patched by annotations overriders.</summary>
    public const string AnnotationsField = "annotations";

    /// <summary>
    /// Builds the patches for <c>metadata.&lt;field&gt;</c>. For <c>add</c> the (possibly missing) map is created on
    /// <paramref name="obj"/> first, as upstream does, so the patches apply.
    /// </summary>
    public static IReadOnlyList<JsonPatchOperation> Build(JsonObject obj, LabelAnnotationOverrider overrider, string field)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(overrider);
        ArgumentNullException.ThrowIfNull(field);
        var patches = new List<JsonPatchOperation>();
        foreach (var (key, value) in overrider.Value)
        {
            switch (overrider.Operator)
            {
                case OverriderOperator.Remove or OverriderOperator.Replace:
                    var existing = UnstructuredFields.GetStringMap(obj["metadata"] as JsonObject, field);
                    if (existing is null || !existing.ContainsKey(key))
                    {
                        continue;
                    }

                    break;
                case OverriderOperator.Add:
                    EnsureMap(obj, field);
                    break;
            }

            var op = overrider.Operator switch
            {
                OverriderOperator.Add => "add",
                OverriderOperator.Remove => "remove",
                _ => "replace",
            };
            var path = "/metadata/" + field + "/" + key.Replace("/", "~1", StringComparison.Ordinal);
            patches.Add(new JsonPatchOperation(op, path, JsonValue.Create(value)));
        }

        return patches;
    }

    // unstructured.SetNestedStringMap(obj, {}, "metadata", field) when the map is missing or not a string map.
    private static void EnsureMap(JsonObject obj, string field)
    {
        if (obj["metadata"] is not JsonObject metadata)
        {
            metadata = [];
            obj["metadata"] = metadata;
        }

        if (UnstructuredFields.GetStringMap(metadata, field) is null || metadata[field] is not JsonObject)
        {
            metadata[field] = new JsonObject();
        }
    }
}
