using System.Text.Json.Nodes;

namespace Karmada.ApiServer.Registry;

/// <summary>
/// Comparisons the update path makes on every write, done in place: no copies of either object are made just to
/// drop the fields a comparison ignores.
/// </summary>
public static class ObjectComparison
{
    /// <summary>
    /// Whether an update changes nothing that is stored: equal except for <c>metadata.resourceVersion</c> (not stored)
    /// and the <c>time</c> of managed-fields entries (restamped on every write).
    /// </summary>
    /// <remarks>
    /// Status is compared first: most writes are status writes, whose spec is the stored one, and comparing that spec
    /// first walked (and materialised) both copies before the difference was found. Metadata (with the managed fields,
    /// the costliest part) is compared last: most writes differ in spec or status and are decided before it.
    /// </remarks>
    public static bool IsNoOpUpdate(JsonObject old, JsonObject updated) =>
        SameProperty(old, updated, "status")
        && EqualExcept(old, updated, static (name, _, _) => name is "metadata" or "status" ? true : null)
        && MetadataEqual(old["metadata"], updated["metadata"]);

    /// <summary>Whether the desired state differs: any top-level field but metadata, status, apiVersion and kind.</summary>
    public static bool ContentDiffers(JsonObject old, JsonObject updated) =>
        !EqualExcept(old, updated, static (name, _, _) => name is "metadata" or "status" or "apiVersion" or "kind" ? true : null);

    // Present on both sides with deeply equal values, or absent from both (an explicit null is not an absence).
    private static bool SameProperty(JsonObject left, JsonObject right, string name)
    {
        var inLeft = left.TryGetPropertyValue(name, out var leftValue);
        var inRight = right.TryGetPropertyValue(name, out var rightValue);
        return inLeft == inRight && (!inLeft || JsonNode.DeepEquals(leftValue, rightValue));
    }

    private static bool MetadataEqual(JsonNode? left, JsonNode? right)
    {
        if (left is not JsonObject l || right is not JsonObject r)
        {
            return JsonNode.DeepEquals(left, right);
        }

        return EqualExcept(l, r, static (name, a, b) => name switch
        {
            "resourceVersion" => true,
            "managedFields" => ManagedFieldsEqual(a, b),
            _ => null,
        });
    }

    private static bool ManagedFieldsEqual(JsonNode? left, JsonNode? right)
    {
        if (left is not JsonArray l || right is not JsonArray r)
        {
            return JsonNode.DeepEquals(left, right);
        }

        if (l.Count != r.Count)
        {
            return false;
        }

        for (var i = 0; i < l.Count; i++)
        {
            var equal = l[i] is JsonObject a && r[i] is JsonObject b
                ? EqualExcept(a, b, static (name, _, _) => name == "time" ? true : null)
                : JsonNode.DeepEquals(l[i], r[i]);
            if (!equal)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Property-wise equality of two objects (order-insensitive, as <see cref="JsonNode.DeepEquals"/>), where
    /// <paramref name="special"/> may decide a property itself (absent on one side is passed as null) or return null
    /// for the plain deep comparison.
    /// </summary>
    private static bool EqualExcept(JsonObject left, JsonObject right, Func<string, JsonNode?, JsonNode?, bool?> special)
    {
        // Indexed loops: a JsonObject enumerator is a heap object, and this runs for every level of every write.
        for (var i = 0; i < left.Count; i++)
        {
            var (name, value) = left.GetAt(i);
            var present = right.TryGetPropertyValue(name, out var other);
            if (special(name, value, other) is { } decided)
            {
                if (!decided)
                {
                    return false;
                }

                continue;
            }

            if (!present || !JsonNode.DeepEquals(value, other))
            {
                return false;
            }
        }

        for (var i = 0; i < right.Count; i++)
        {
            var (name, value) = right.GetAt(i);
            if (left.ContainsKey(name))
            {
                continue;
            }

            if (special(name, null, value) is { } decided)
            {
                if (!decided)
                {
                    return false;
                }

                continue;
            }

            return false;
        }

        return true;
    }
}
