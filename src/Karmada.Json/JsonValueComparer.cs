using System.Text.Json.Nodes;

namespace Karmada.Json;

/// <summary>
/// Equality and the total order structured-merge-diff uses for values (numbers, then strings, booleans, lists,
/// maps, null). Numbers compare by value as Go's int64/float64 do: two integers exactly, otherwise as float64,
/// so <c>1</c> and <c>1.0</c> are equal.
/// </summary>
public static class JsonValueComparer
{
    public static bool AreEqual(JsonNode? left, JsonNode? right)
    {
        var kind = JsonValues.KindOf(left);
        var rightKind = JsonValues.KindOf(right);
        if (!JsonValues.IsSameJsonType(kind, rightKind))
        {
            return false;
        }

        switch (kind)
        {
            case JsonKind.Null:
                return true;
            case JsonKind.String:
                return string.Equals(left!.GetValue<string>(), right!.GetValue<string>(), StringComparison.Ordinal);
            case JsonKind.Boolean:
                return left!.GetValue<bool>() == right!.GetValue<bool>();
            case JsonKind.Integer or JsonKind.Float:
                return CompareNumbers(left!, kind, right!, rightKind) == 0;
            case JsonKind.Array:
                return ArraysEqual((JsonArray)left!, (JsonArray)right!);
            default:
                return ObjectsEqual((JsonObject)left!, (JsonObject)right!);
        }
    }

    /// <summary>structured-merge-diff's <c>value.Compare</c>: a total order across types.</summary>
    public static int Compare(JsonNode? left, JsonNode? right)
    {
        var lk = JsonValues.KindOf(left);
        var rk = JsonValues.KindOf(right);
        if (!JsonValues.IsSameJsonType(lk, rk))
        {
            return Rank(lk).CompareTo(Rank(rk));
        }

        switch (lk)
        {
            case JsonKind.Null:
                return 0;
            case JsonKind.Integer or JsonKind.Float:
                return CompareNumbers(left!, lk, right!, rk);
            case JsonKind.String:
                return string.CompareOrdinal(left!.GetValue<string>(), right!.GetValue<string>());
            case JsonKind.Boolean:
                return left!.GetValue<bool>().CompareTo(right!.GetValue<bool>());
            case JsonKind.Array:
                return CompareArrays((JsonArray)left!, (JsonArray)right!);
            default:
                return CompareObjects((JsonObject)left!, (JsonObject)right!);
        }
    }

    private static bool ArraysEqual(JsonArray a, JsonArray b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!AreEqual(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ObjectsEqual(JsonObject a, JsonObject b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        foreach (var (key, value) in a)
        {
            if (!b.TryGetPropertyValue(key, out var other) || !AreEqual(value, other))
            {
                return false;
            }
        }

        return true;
    }

    private static int CompareArrays(JsonArray a, JsonArray b)
    {
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            var c = Compare(a[i], b[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return a.Count.CompareTo(b.Count);
    }

    private static int CompareObjects(JsonObject left, JsonObject right)
    {
        var a = left.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        var b = right.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            var c = string.CompareOrdinal(a[i].Key, b[i].Key);
            if (c != 0)
            {
                return c;
            }

            c = Compare(a[i].Value, b[i].Value);
            if (c != 0)
            {
                return c;
            }
        }

        return a.Count.CompareTo(b.Count);
    }

    private static int Rank(JsonKind kind) => kind switch
    {
        JsonKind.Integer or JsonKind.Float => 0,
        JsonKind.String => 1,
        JsonKind.Boolean => 2,
        JsonKind.Array => 3,
        JsonKind.Object => 4,
        _ => 5,
    };

    private static int CompareNumbers(JsonNode left, JsonKind leftKind, JsonNode right, JsonKind rightKind)
    {
        if (leftKind == JsonKind.Integer && rightKind == JsonKind.Integer
            && JsonValues.TryGetInteger(left, out var a) && JsonValues.TryGetInteger(right, out var b))
        {
            return a.CompareTo(b);
        }

        JsonValues.TryGetDouble(left, out var x);
        JsonValues.TryGetDouble(right, out var y);
        return x.CompareTo(y);
    }
}
