using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Karmada.Json;

namespace Karmada.OpenApi.Structural;

/// <summary>
/// Go's <c>reflect.DeepEqual</c> over unstructured JSON values, which upstream's ratcheting uses for scalars and for
/// lists whose items it does not correlate: an int64 never equals a float64 (<c>1</c> and <c>1.0</c> differ), objects
/// are equal when they have the same keys with equal values, lists when their items are equal in order.
/// </summary>
internal static class UnstructuredEquality
{
    public static bool AreEqual(JsonNode? left, JsonNode? right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        var kind = JsonValues.KindOf(left);
        if (kind != JsonValues.KindOf(right))
        {
            return false;
        }

        switch (kind)
        {
            case JsonKind.Null:
                return true;
            case JsonKind.String:
                return StringsEqual((JsonValue)left!, (JsonValue)right!);
            case JsonKind.Boolean:
                return left!.GetValueKind() == right!.GetValueKind();
            case JsonKind.Integer:
                return JsonValues.TryGetInteger(left, out var a) && JsonValues.TryGetInteger(right, out var b) && a == b;
            case JsonKind.Float:
                return JsonValues.TryGetDouble(left, out var x) && JsonValues.TryGetDouble(right, out var y) && x.Equals(y);
            case JsonKind.Array:
                return ArraysEqual((JsonArray)left!, (JsonArray)right!);
            default:
                return ObjectsEqual((JsonObject)left!, (JsonObject)right!);
        }
    }

    private static bool ArraysEqual(JsonArray left, JsonArray right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        for (var i = 0; i < left.Count; i++)
        {
            if (!AreEqual(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ObjectsEqual(JsonObject left, JsonObject right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        for (var i = 0; i < left.Count; i++)
        {
            var (key, value) = left.GetAt(i);
            if (!right.TryGetPropertyValue(key, out var other) || !AreEqual(value, other))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Parsed strings compare by their UTF-8 text without decoding them into new strings; only texts with escapes,
    /// which may spell one string in several ways, are decoded.
    /// </summary>
    private static bool StringsEqual(JsonValue left, JsonValue right)
    {
        if (left.TryGetValue<JsonElement>(out var leftElement) && right.TryGetValue<JsonElement>(out var rightElement))
        {
            var leftText = JsonMarshal.GetRawUtf8Value(leftElement);
            var rightText = JsonMarshal.GetRawUtf8Value(rightElement);
            if (leftText.SequenceEqual(rightText))
            {
                return true;
            }

            if (!leftText.Contains((byte)'\\') && !rightText.Contains((byte)'\\'))
            {
                return false;
            }
        }

        return string.Equals(left.GetValue<string>(), right.GetValue<string>(), StringComparison.Ordinal);
    }
}
