using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Karmada.OpenApi.Structural;

/// <summary>
/// Reads JSON nodes the way Go's unstructured JSON sees them (int64 versus float64) and compares them by value.
/// </summary>
internal static class JsonValues
{
    public static JsonKind Kind(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return JsonKind.Null;
            case JsonObject:
                return JsonKind.Object;
            case JsonArray:
                return JsonKind.Array;
        }

        return node.GetValueKind() switch
        {
            JsonValueKind.String => JsonKind.String,
            JsonValueKind.True or JsonValueKind.False => JsonKind.Boolean,
            JsonValueKind.Number => IsIntegerText(node.ToJsonString()) ? JsonKind.Integer : JsonKind.Number,
            JsonValueKind.Null => JsonKind.Null,
            JsonValueKind.Object => JsonKind.Object,
            JsonValueKind.Array => JsonKind.Array,
            _ => JsonKind.Null,
        };
    }

    /// <summary>The schema type name of a kind, as kube-openapi infers it from a Go value.</summary>
    public static string TypeName(JsonKind kind) => kind switch
    {
        JsonKind.Null => "null",
        JsonKind.Object => "object",
        JsonKind.Array => "array",
        JsonKind.String => "string",
        JsonKind.Integer => "integer",
        JsonKind.Number => "number",
        JsonKind.Boolean => "boolean",
        _ => "null",
    };

    public static bool IsNull(JsonNode? node) => Kind(node) == JsonKind.Null;

    public static string? AsString(JsonNode? node) => Kind(node) == JsonKind.String ? node!.GetValue<string>() : null;

    public static bool TryGetInteger(JsonNode? node, out long value)
    {
        value = 0;
        return node is JsonValue && node.GetValueKind() == JsonValueKind.Number
            && long.TryParse(node.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryGetDouble(JsonNode? node, out double value)
    {
        value = 0;
        return node is JsonValue && node.GetValueKind() == JsonValueKind.Number
            && double.TryParse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Go's <c>swag.IsFloat64AJSONInteger</c>: integral and exactly representable.</summary>
    public static bool IsFloatAJsonInteger(double value)
    {
        const double maxJsonFloat = 9007199254740992d;
        if (double.IsNaN(value) || double.IsInfinity(value) || value < -maxJsonFloat || value > maxJsonFloat)
        {
            return false;
        }

        return value == Math.Truncate(value);
    }

    /// <summary>Compares two JSON values by value; integers and floats of the same magnitude are equal.</summary>
    public static bool SemanticEquals(JsonNode? left, JsonNode? right)
    {
        var leftKind = Kind(left);
        var rightKind = Kind(right);
        if (leftKind is JsonKind.Integer or JsonKind.Number && rightKind is JsonKind.Integer or JsonKind.Number)
        {
            if (leftKind == JsonKind.Integer && rightKind == JsonKind.Integer)
            {
                TryGetInteger(left, out var a);
                TryGetInteger(right, out var b);
                return a == b;
            }

            TryGetDouble(left, out var x);
            TryGetDouble(right, out var y);
            return x.Equals(y);
        }

        if (leftKind != rightKind)
        {
            return false;
        }

        switch (leftKind)
        {
            case JsonKind.Null:
                return true;
            case JsonKind.String:
                return string.Equals(left!.GetValue<string>(), right!.GetValue<string>(), StringComparison.Ordinal);
            case JsonKind.Boolean:
                return left!.GetValue<bool>() == right!.GetValue<bool>();
            case JsonKind.Array:
                var leftArray = (JsonArray)left!;
                var rightArray = (JsonArray)right!;
                if (leftArray.Count != rightArray.Count)
                {
                    return false;
                }

                for (var i = 0; i < leftArray.Count; i++)
                {
                    if (!SemanticEquals(leftArray[i], rightArray[i]))
                    {
                        return false;
                    }
                }

                return true;
            case JsonKind.Object:
                var leftObject = (JsonObject)left!;
                var rightObject = (JsonObject)right!;
                if (leftObject.Count != rightObject.Count)
                {
                    return false;
                }

                foreach (var (key, value) in leftObject)
                {
                    if (!rightObject.TryGetPropertyValue(key, out var other) || !SemanticEquals(value, other))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    private static bool IsIntegerText(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
}
