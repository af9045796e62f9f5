using System.Text.Json.Nodes;

namespace Karmada.Patching.Json;

/// <summary>
/// JSON merge patch (RFC 7386, <c>application/merge-patch+json</c>): objects merge recursively, <c>null</c> deletes
/// a member, every other value (arrays included) replaces the target value.
/// </summary>
public static class JsonMergePatch
{
    /// <summary>
    /// Applies <paramref name="patch"/> to <paramref name="target"/> exactly as RFC 7386 defines it. Neither
    /// argument is modified; the result shares no nodes with them.
    /// </summary>
    /// <returns>The patched document; <see langword="null"/> when the patch is <c>null</c>.</returns>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : [];
        MergeInto(result, patchObject);
        return result;
    }

    /// <summary>
    /// Applies a merge patch request body to a stored object the way kube-apiserver does: the body must be a JSON
    /// object (anything else is answered with 400 <c>Invalid JSON Patch</c>), and the result is an object.
    /// </summary>
    /// <exception cref="PatchException">The body is not a JSON object.</exception>
    public static JsonObject ApplyToObject(JsonObject target, JsonNode? patch)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (patch is not JsonObject)
        {
            throw PatchException.BadRequest("Invalid JSON Patch");
        }

        return (JsonObject)Apply(target, patch)!;
    }

    private static void MergeInto(JsonObject target, JsonObject patch)
    {
        foreach (var (name, value) in patch)
        {
            if (value is null)
            {
                target.Remove(name);
                continue;
            }

            if (value is JsonObject nestedPatch)
            {
                if (target.TryGetPropertyValue(name, out var current) && current is JsonObject currentObject)
                {
                    MergeInto(currentObject, nestedPatch);
                }
                else
                {
                    // RFC 7386: a non-object target is replaced by the patch applied to an empty object.
                    var created = new JsonObject();
                    MergeInto(created, nestedPatch);
                    target[name] = created;
                }

                continue;
            }

            target[name] = value.DeepClone();
        }
    }
}
