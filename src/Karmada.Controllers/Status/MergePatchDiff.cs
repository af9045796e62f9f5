using System.Text.Json.Nodes;

namespace Karmada.Controllers.Status;

/// <summary>
/// The JSON merge patch (RFC 7386) that turns one object into another, as Go's <c>jsonmergepatch.CreateMergePatch</c>:
/// a removed key is <c>null</c>, a changed object is patched key by key, any other changed value (arrays included) is
/// replaced whole.
/// </summary>
internal static class MergePatchDiff
{
    /// <summary>The patch from <paramref name="original"/> to <paramref name="modified"/>; empty when they are equal.</summary>
    public static JsonObject Create(JsonObject original, JsonObject modified)
    {
        var patch = new JsonObject();
        for (var i = 0; i < original.Count; i++)
        {
            var name = original.GetAt(i).Key;
            if (!modified.ContainsKey(name))
            {
                patch[name] = null;
            }
        }

        for (var i = 0; i < modified.Count; i++)
        {
            var (name, value) = modified.GetAt(i);
            if (!original.TryGetPropertyValue(name, out var before))
            {
                patch[name] = value?.DeepClone();
            }
            else if (before is JsonObject beforeObject && value is JsonObject valueObject)
            {
                var inner = Create(beforeObject, valueObject);
                if (inner.Count > 0)
                {
                    patch[name] = inner;
                }
            }
            else if (!JsonNode.DeepEquals(before, value))
            {
                patch[name] = value?.DeepClone();
            }
        }

        return patch;
    }
}
