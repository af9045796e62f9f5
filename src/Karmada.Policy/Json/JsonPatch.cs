using System.Globalization;
using System.Text.Json.Nodes;

namespace Karmada.Policy.Json;

/// <summary>
/// Applies RFC 6902 <c>add</c>, <c>remove</c> and <c>replace</c> operations with the semantics of
/// <c>evanphx/json-patch/v5</c> as Karmada configures it: parents must exist, <c>-</c> appends, negative array
/// indices count from the end, replace and remove require the target to exist.
/// </summary>
public static class JsonPatch
{
    /// <summary>Applies the operations in order to <paramref name="document"/> (mutated in place) and returns the resulting root.</summary>
    public static JsonNode? Apply(JsonNode? document, IEnumerable<JsonPatchOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        foreach (var operation in operations)
        {
            document = operation.Op switch
            {
                "add" => Add(document, operation.Path, operation.Value),
                "remove" => Remove(document, operation.Path),
                "replace" => Replace(document, operation.Path, operation.Value),
                _ => throw new JsonPatchException($"Unexpected kind: {operation.Op}"),
            };
        }

        return document;
    }

    private static JsonNode? Add(JsonNode? document, string path, JsonNode? value)
    {
        if (path.Length == 0)
        {
            return value?.DeepClone();
        }

        var (container, key) = FindContainer(document, path)
            ?? throw new JsonPatchException($"add operation does not apply: doc is missing path: \"{path}\"");
        switch (container)
        {
            case JsonObject obj:
                obj[key] = value?.DeepClone();
                break;
            case JsonArray array:
                if (key == "-")
                {
                    array.Add(value?.DeepClone());
                    break;
                }

                var index = ParseIndex(key, array.Count, allowEnd: true);
                array.Insert(index, value?.DeepClone());
                break;
        }

        return document;
    }

    private static JsonNode? Remove(JsonNode? document, string path)
    {
        var (container, key) = FindContainer(document, path)
            ?? throw new JsonPatchException($"remove operation does not apply: doc is missing path: \"{path}\"");
        switch (container)
        {
            case JsonObject obj:
                if (!obj.Remove(key))
                {
                    throw new JsonPatchException($"remove operation does not apply: doc is missing key: {path}");
                }

                break;
            case JsonArray array:
                array.RemoveAt(ParseIndex(key, array.Count, allowEnd: false));
                break;
        }

        return document;
    }

    private static JsonNode? Replace(JsonNode? document, string path, JsonNode? value)
    {
        if (path.Length == 0)
        {
            return value?.DeepClone();
        }

        var (container, key) = FindContainer(document, path)
            ?? throw new JsonPatchException($"replace operation does not apply: doc is missing path: {path}");
        switch (container)
        {
            case JsonObject obj:
                if (!obj.ContainsKey(key))
                {
                    throw new JsonPatchException($"replace operation does not apply: doc is missing key: {path}");
                }

                obj[key] = value?.DeepClone();
                break;
            case JsonArray array:
                array[ParseIndex(key, array.Count, allowEnd: false)] = value?.DeepClone();
                break;
        }

        return document;
    }

    // The container (object or array) holding the last token, walking every token but the last; null when a step is missing.
    private static (JsonNode Container, string Key)? FindContainer(JsonNode? document, string path)
    {
        if (path.Length == 0 || path[0] != '/')
        {
            return null;
        }

        var tokens = path[1..].Split('/');
        var current = document;
        for (var i = 0; i < tokens.Length - 1; i++)
        {
            var token = JsonPointer.Unescape(tokens[i]);
            current = current switch
            {
                JsonObject obj => obj.TryGetPropertyValue(token, out var child) ? child : null,
                JsonArray array => TryIndex(token, array.Count, out var index) ? array[index] : null,
                _ => null,
            };
            if (current is null)
            {
                return null;
            }
        }

        return current is JsonObject or JsonArray ? (current, JsonPointer.Unescape(tokens[^1])) : null;
    }

    private static bool TryIndex(string token, int count, out int index)
    {
        index = 0;
        if (!int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            return false;
        }

        if (parsed < 0)
        {
            parsed += count;
        }

        index = parsed;
        return parsed >= 0 && parsed < count;
    }

    private static int ParseIndex(string token, int count, bool allowEnd)
    {
        if (!int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index))
        {
            throw new JsonPatchException($"Unable to access invalid index: {token}");
        }

        if (index < 0)
        {
            if (index < -count)
            {
                throw new JsonPatchException($"Unable to access invalid index: {index}");
            }

            index += count;
        }

        var limit = allowEnd ? count : count - 1;
        if (index > limit)
        {
            throw new JsonPatchException($"Unable to access invalid index: {index}");
        }

        return index;
    }
}
