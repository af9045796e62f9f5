using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Karmada.Json;

/// <summary>Reads JSON nodes the way Go's unstructured values see them: kind, strings and int64/float64 numbers.</summary>
public static class JsonValues
{
    public static JsonKind KindOf(JsonNode? node) => node switch
    {
        null => JsonKind.Null,
        JsonObject => JsonKind.Object,
        JsonArray => JsonKind.Array,
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => JsonKind.String,
            JsonValueKind.Number => TryGetInteger(node, out _) ? JsonKind.Integer : JsonKind.Float,
            JsonValueKind.True or JsonValueKind.False => JsonKind.Boolean,
            JsonValueKind.Object => JsonKind.Object,
            JsonValueKind.Array => JsonKind.Array,
            _ => JsonKind.Null,
        },
    };

    /// <summary>Whether the kind is a JSON number, integer or not.</summary>
    public static bool IsNumber(this JsonKind kind) => kind is JsonKind.Integer or JsonKind.Float;

    /// <summary>Whether two kinds are the same JSON type, where every number is one type.</summary>
    public static bool IsSameJsonType(JsonKind left, JsonKind right) => left == right || (left.IsNumber() && right.IsNumber());

    public static bool IsNull(JsonNode? node) => KindOf(node) == JsonKind.Null;

    public static bool IsScalar(JsonNode? node) => KindOf(node) is not (JsonKind.Object or JsonKind.Array);

    /// <summary>The string a node holds, or <see langword="null"/> when it is not a JSON string.</summary>
    public static string? AsString(JsonNode? node) => KindOf(node) == JsonKind.String ? node!.GetValue<string>() : null;

    /// <summary>The number as an int64 when its text is an integer in range (Go's unstructured <c>int64</c>).</summary>
    /// <remarks>Parsed nodes hold a JsonElement, which answers without formatting the number back to text.</remarks>
    public static bool TryGetInteger(JsonNode? node, out long value)
    {
        value = 0;
        if (node is not JsonValue number || number.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        return number.TryGetValue<JsonElement>(out var element)
            ? element.TryGetInt64(out value)
            : long.TryParse(number.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The number as a float64; a magnitude beyond float64 reads as an infinity.</summary>
    public static bool TryGetDouble(JsonNode? node, out double value)
    {
        value = 0;
        return node is JsonValue && node.GetValueKind() == JsonValueKind.Number
            && double.TryParse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
