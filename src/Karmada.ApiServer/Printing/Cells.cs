using System.Text.Json.Nodes;

namespace Karmada.ApiServer.Printing;

/// <summary>Small readers for computing printer cells from an object.</summary>
internal static class Cells
{
    public static JsonNode? At(JsonNode? node, params string[] path)
    {
        foreach (var segment in path)
        {
            if (node is not JsonObject o || !o.TryGetPropertyValue(segment, out node))
            {
                return null;
            }
        }

        return node;
    }

    public static long Int(JsonNode? node, params string[] path) =>
        At(node, path) is JsonValue v && v.TryGetValue<long>(out var n) ? n : 0;

    public static string Str(JsonNode? node, params string[] path) =>
        At(node, path) is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    public static JsonArray Array(JsonNode? node, params string[] path) => At(node, path) as JsonArray ?? [];

    public static string OrNone(string value) => value.Length == 0 ? "<none>" : value;

    public static string Join(IEnumerable<string> values)
    {
        var list = values.Where(v => v.Length > 0).ToList();
        return list.Count == 0 ? "<none>" : string.Join(",", list);
    }

    public static string Selector(JsonNode? selector)
    {
        if (selector is not JsonObject s)
        {
            return "<none>";
        }

        var parts = new List<string>();
        if (s["matchLabels"] is JsonObject labels)
        {
            parts.AddRange(labels.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={(string?)p.Value}"));
        }

        foreach (var e in Array(s, "matchExpressions").OfType<JsonObject>())
        {
            var values = string.Join(",", (e["values"] as JsonArray ?? []).Select(v => (string?)v));
            parts.Add(Str(e, "operator") switch
            {
                "In" => $"{Str(e, "key")} in ({values})",
                "NotIn" => $"{Str(e, "key")} notin ({values})",
                "Exists" => Str(e, "key"),
                _ => "!" + Str(e, "key"),
            });
        }

        if (s.Count == 0 || (parts.Count == 0 && s["matchLabels"] is null && s["matchExpressions"] is null))
        {
            return "<none>";
        }

        return parts.Count == 0 ? "<none>" : string.Join(",", parts);
    }

    public static string MapSelector(JsonNode? selector) =>
        selector is JsonObject s && s.Count > 0
            ? string.Join(",", s.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={(string?)p.Value}"))
            : "<none>";

    public static IEnumerable<JsonObject> Containers(JsonNode? podSpec) => Array(podSpec, "containers").OfType<JsonObject>();
}
