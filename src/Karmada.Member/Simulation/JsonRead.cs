using System.Globalization;
using System.Text.Json.Nodes;

namespace Karmada.Member.Simulation;

/// <summary>Null-tolerant reads of nested fields of unstructured objects.</summary>
internal static class JsonRead
{
    public static JsonNode? Node(JsonNode? node, params ReadOnlySpan<string> path)
    {
        foreach (var segment in path)
        {
            node = node is JsonObject obj ? obj[segment] : null;
        }

        return node;
    }

    public static string? Str(JsonNode? node, params ReadOnlySpan<string> path) =>
        Node(node, path) is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static long? Long(JsonNode? node, params ReadOnlySpan<string> path)
    {
        if (Node(node, path) is not JsonValue value)
        {
            return null;
        }

        if (value.TryGetValue<long>(out var number))
        {
            return number;
        }

        // Values built in code keep their CLR type (a JsonValue of int does not convert to long).
        if (value.TryGetValue<int>(out var small))
        {
            return small;
        }

        if (value.TryGetValue<double>(out var real))
        {
            return (long)real;
        }

        return value.TryGetValue<string>(out var text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }

    public static bool? Bool(JsonNode? node, params ReadOnlySpan<string> path) =>
        Node(node, path) is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : null;

    public static JsonObject? Obj(JsonNode? node, params ReadOnlySpan<string> path) => Node(node, path) as JsonObject;

    public static IEnumerable<JsonObject> Objects(JsonNode? node, params ReadOnlySpan<string> path) =>
        Node(node, path) is JsonArray array ? array.OfType<JsonObject>() : [];

    /// <summary>The string map at the path (labels, nodeSelector); empty when absent.</summary>
    public static Dictionary<string, string> StringMap(JsonNode? node, params ReadOnlySpan<string> path)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Node(node, path) is JsonObject obj)
        {
            foreach (var (key, value) in obj)
            {
                if (value is JsonValue v && v.TryGetValue<string>(out var text))
                {
                    map[key] = text;
                }
            }
        }

        return map;
    }

    /// <summary>The status of a condition of the given type (True, False, Unknown), or null when there is none.</summary>
    public static string? ConditionStatus(JsonNode? obj, string type)
    {
        // Asked of every pod on every event by several controllers: a plain loop, no enumerator or closure per call.
        if (Node(obj, "status", "conditions") is JsonArray conditions)
        {
            for (var i = 0; i < conditions.Count; i++)
            {
                if (conditions[i] is JsonObject condition && Str(condition, "type") == type)
                {
                    return Str(condition, "status");
                }
            }
        }

        return null;
    }

    public static bool IsPodTerminated(JsonObject pod) => Str(pod, "status", "phase") is "Succeeded" or "Failed";

    /// <summary>Whether an update marked the object for deletion (a graceful pod deletion began): controllers count it as deleted then, as upstream's do.</summary>
    public static bool StartedTerminating(JsonObject old, JsonObject current) =>
        Node(old, "metadata", "deletionTimestamp") is null && Node(current, "metadata", "deletionTimestamp") is not null;

    public static bool IsPodActive(JsonObject pod) => !IsPodTerminated(pod) && Node(pod, "metadata", "deletionTimestamp") is null;

    public static bool IsPodReady(JsonObject pod) => ConditionStatus(pod, "Ready") == "True";

    /// <summary>The uid of the controlling owner (<c>controller: true</c>) of the given kind, or null.</summary>
    public static string? ControllerUid(JsonObject obj, string kind) => Str(Controller(obj, kind), "uid");

    public static string? ControllerName(JsonObject obj, string kind) => Str(Controller(obj, kind), "name");

    private static JsonObject? Controller(JsonObject obj, string kind)
    {
        if (Node(obj, "metadata", "ownerReferences") is JsonArray owners)
        {
            for (var i = 0; i < owners.Count; i++)
            {
                if (owners[i] is JsonObject owner && Bool(owner, "controller") == true && Str(owner, "kind") == kind)
                {
                    return owner;
                }
            }
        }

        return null;
    }
}
