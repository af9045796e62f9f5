using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Karmada.Patching.Json;

/// <summary>
/// Semantic equality and the total order structured-merge-diff uses for values (numbers, then strings, booleans,
/// lists, maps, null). Numbers compare by value so <c>1</c> and <c>1.0</c> are equal.
/// </summary>
internal static class JsonValueComparer
{
    public static JsonKind KindOf(JsonNode? node) => node switch
    {
        null => JsonKind.Null,
        JsonObject => JsonKind.Object,
        JsonArray => JsonKind.Array,
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => JsonKind.String,
            JsonValueKind.Number => JsonKind.Number,
            JsonValueKind.True or JsonValueKind.False => JsonKind.Boolean,
            JsonValueKind.Object => JsonKind.Object,
            JsonValueKind.Array => JsonKind.Array,
            _ => JsonKind.Null,
        },
    };

    public static bool IsScalar(JsonNode? node) => KindOf(node) is JsonKind.String or JsonKind.Number or JsonKind.Boolean or JsonKind.Null;

    public static bool AreEqual(JsonNode? left, JsonNode? right)
    {
        var kind = KindOf(left);
        if (kind != KindOf(right))
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
            case JsonKind.Number:
                return CompareNumbers(left!, right!) == 0;
            case JsonKind.Array:
                {
                    var a = (JsonArray)left!;
                    var b = (JsonArray)right!;
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

            default:
                {
                    var a = (JsonObject)left!;
                    var b = (JsonObject)right!;
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
        }
    }

    /// <summary>structured-merge-diff's <c>value.Compare</c>: a total order across types.</summary>
    public static int Compare(JsonNode? left, JsonNode? right)
    {
        var lk = KindOf(left);
        var rk = KindOf(right);
        if (lk != rk)
        {
            return Rank(lk).CompareTo(Rank(rk));
        }

        switch (lk)
        {
            case JsonKind.Null:
                return 0;
            case JsonKind.Number:
                return CompareNumbers(left!, right!);
            case JsonKind.String:
                return string.CompareOrdinal(left!.GetValue<string>(), right!.GetValue<string>());
            case JsonKind.Boolean:
                return left!.GetValue<bool>().CompareTo(right!.GetValue<bool>());
            case JsonKind.Array:
                {
                    var a = (JsonArray)left!;
                    var b = (JsonArray)right!;
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

            default:
                {
                    var a = ((JsonObject)left!).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
                    var b = ((JsonObject)right!).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
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
        }
    }

    private static int Rank(JsonKind kind) => kind switch
    {
        JsonKind.Number => 0,
        JsonKind.String => 1,
        JsonKind.Boolean => 2,
        JsonKind.Array => 3,
        JsonKind.Object => 4,
        _ => 5,
    };

    private static int CompareNumbers(JsonNode left, JsonNode right)
    {
        var a = left.ToJsonString();
        var b = right.ToJsonString();
        if (decimal.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var da)
            && decimal.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var db))
        {
            return da.CompareTo(db);
        }

        return double.Parse(a, CultureInfo.InvariantCulture).CompareTo(double.Parse(b, CultureInfo.InvariantCulture));
    }
}
