using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Karmada.Interpreter.Json;

/// <summary>
/// Typed access to nested fields of unstructured objects, as <c>unstructured.Nested*</c> plus the type checks of
/// converting to a typed Kubernetes object: a missing field is null, a field of the wrong JSON type is an error.
/// </summary>
internal static class Unstructured
{
    public static JsonNode? Get(JsonObject? obj, params string[] path)
    {
        JsonNode? current = obj;
        foreach (var segment in path)
        {
            if (current is not JsonObject parent || !parent.TryGetPropertyValue(segment, out current))
            {
                return null;
            }
        }

        return current;
    }

    public static JsonObject? GetObject(JsonObject? obj, params string[] path) => Get(obj, path) switch
    {
        null => null,
        JsonObject child => child,
        _ => throw WrongType(path, "object"),
    };

    public static JsonArray? GetArray(JsonObject? obj, params string[] path) => Get(obj, path) switch
    {
        null => null,
        JsonArray child => child,
        _ => throw WrongType(path, "array"),
    };

    public static string? GetString(JsonObject? obj, params string[] path) => Get(obj, path) switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => throw WrongType(path, "string"),
    };

    public static bool? GetBool(JsonObject? obj, params string[] path) => Get(obj, path) switch
    {
        null => null,
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
        _ => throw WrongType(path, "boolean"),
    };

    public static long? GetInt(JsonObject? obj, params string[] path)
    {
        var node = Get(obj, path);
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            && long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        throw WrongType(path, "integer");
    }

    /// <summary>Sets a nested field, creating intermediate objects (as <c>SetNestedField</c>).</summary>
    public static void Set(JsonObject obj, JsonNode? value, params string[] path)
    {
        var current = obj;
        for (var i = 0; i < path.Length - 1; i++)
        {
            if (current[path[i]] is not JsonObject child)
            {
                child = [];
                current[path[i]] = child;
            }

            current = child;
        }

        current[path[^1]] = value;
    }

    /// <summary>Removes a nested field when present.</summary>
    public static void Remove(JsonObject obj, params string[] path)
    {
        if (path.Length == 1)
        {
            obj.Remove(path[0]);
            return;
        }

        if (Get(obj, path[..^1]) is JsonObject parent)
        {
            parent.Remove(path[^1]);
        }
    }

    /// <summary>The string map at the path (labels, annotations, selectors); null when absent.</summary>
    public static Dictionary<string, string>? GetStringMap(JsonObject? obj, params string[] path)
    {
        var map = GetObject(obj, path);
        if (map is null)
        {
            return null;
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in map)
        {
            result[key] = value is JsonValue v && v.GetValueKind() == JsonValueKind.String
                ? v.GetValue<string>()
                : throw WrongType([.. path, key], "string");
        }

        return result;
    }

    public static string Name(JsonObject obj) => GetString(obj, "metadata", "name") ?? "";

    public static string Namespace(JsonObject obj) => GetString(obj, "metadata", "namespace") ?? "";

    public static long Generation(JsonObject obj) => GetInt(obj, "metadata", "generation") ?? 0;

    /// <summary>
    /// An integer node backed by JSON text, like the numbers of a parsed manifest, so consumers can read it as any
    /// numeric type (a node created from a <see cref="long"/> only converts back to <see cref="long"/>).
    /// </summary>
    public static JsonNode Int(long value)
    {
        using var document = JsonDocument.Parse(value.ToString(CultureInfo.InvariantCulture));
        return JsonValue.Create(document.RootElement.Clone())!;
    }

    /// <summary>Sets an integer status field, leaving it out when zero and <paramref name="omitEmpty"/> (Go <c>omitempty</c>).</summary>
    public static void SetInt(JsonObject obj, string field, long value, bool omitEmpty = true)
    {
        if (value == 0 && omitEmpty)
        {
            obj.Remove(field);
        }
        else
        {
            obj[field] = Int(value);
        }
    }

    private static InterpreterException WrongType(IEnumerable<string> path, string expected) =>
        new($"field .{string.Join('.', path)} is not a {expected}");
}
