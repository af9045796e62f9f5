using System.Globalization;
using System.Text.Json.Nodes;

namespace Karmada.Json;

/// <summary>
/// Go's <c>fmt</c> verbs applied to a decoded unstructured value (maps, slices, string, int64, float64, bool, nil),
/// for error texts that upstream builds with <c>%v</c>, <c>%#v</c> and <c>%T</c>. Map keys print sorted, as fmt does.
/// </summary>
public static class GoValueFormat
{
    /// <summary><c>%v</c>: <c>map[a:1 b:x]</c>, <c>[1 2]</c>, <c>&lt;nil&gt;</c>, strings unquoted, floats as <c>%g</c>.</summary>
    public static string Value(JsonNode? node) => JsonValues.KindOf(node) switch
    {
        JsonKind.Object => "map[" + string.Join(' ', SortedMembers(node).Select(p => p.Key + ":" + Value(p.Value))) + "]",
        JsonKind.Array => "[" + string.Join(' ', ((JsonArray)node!).Select(Value)) + "]",
        JsonKind.String => node!.GetValue<string>(),
        JsonKind.Null => "<nil>",
        _ => Scalar(node!),
    };

    /// <summary><c>%#v</c> of the value held in an <c>interface{}</c>: Go syntax, strings quoted.</summary>
    public static string SharpV(JsonNode? node) => JsonValues.KindOf(node) switch
    {
        JsonKind.Object => "map[string]interface {}{" + string.Join(", ", SortedMembers(node).Select(p => GoQuote.Quote(p.Key) + ":" + SharpV(p.Value))) + "}",
        JsonKind.Array => "[]interface {}{" + string.Join(", ", ((JsonArray)node!).Select(SharpV)) + "}",
        JsonKind.String => GoQuote.Quote(node!.GetValue<string>()),
        JsonKind.Null => "interface {}(nil)",
        _ => Scalar(node!),
    };

    /// <summary><c>%T</c>: the Go type name of the value.</summary>
    public static string TypeName(JsonNode? node) => JsonValues.KindOf(node) switch
    {
        JsonKind.Object => "map[string]interface {}",
        JsonKind.Array => "[]interface {}",
        JsonKind.String => "string",
        JsonKind.Boolean => "bool",
        JsonKind.Integer => "int64",
        JsonKind.Float => "float64",
        _ => "<nil>",
    };

    // Integers, floats and booleans print the same under %v and %#v.
    private static string Scalar(JsonNode node)
    {
        if (JsonValues.KindOf(node) == JsonKind.Boolean)
        {
            return node.GetValue<bool>() ? "true" : "false";
        }

        if (JsonValues.TryGetInteger(node, out var integer))
        {
            return integer.ToString(CultureInfo.InvariantCulture);
        }

        return JsonValues.TryGetDouble(node, out var value) ? GoFloat.FormatG(value) : node.ToJsonString();
    }

    private static IEnumerable<KeyValuePair<string, JsonNode?>> SortedMembers(JsonNode? node) =>
        ((JsonObject)node!).OrderBy(p => p.Key, StringComparer.Ordinal);
}
