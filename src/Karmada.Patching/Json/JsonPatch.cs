using System.Globalization;
using System.Text.Json.Nodes;
using Karmada.Json;

namespace Karmada.Patching.Json;

/// <summary>
/// JSON patch (RFC 6902, <c>application/json-patch+json</c>) with the behaviour kube-apiserver gets from
/// evanphx/json-patch: operations run in order and the whole patch fails on the first error; array indices may
/// be negative (counted from the end); <c>test</c> of a missing member against <c>null</c> succeeds.
/// </summary>
public static class JsonPatch
{
    /// <summary>kube-apiserver refuses patches with more operations than this (413).</summary>
    public const int MaxOperations = 10000;

    /// <summary>Applies <paramref name="operations"/> to a copy of <paramref name="target"/>.</summary>
    /// <returns>The patched document (the target itself is not modified).</returns>
    /// <exception cref="PatchException">
    /// 400 when an operation is not an object, 413 above <see cref="MaxOperations"/>, 422 when an operation fails
    /// (unknown <c>op</c>, missing path, failed <c>test</c>, index out of range).
    /// </exception>
    public static JsonNode? Apply(JsonNode? target, JsonArray operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        if (operations.Count > MaxOperations)
        {
            throw PatchException.TooLarge(string.Create(
                CultureInfo.InvariantCulture,
                $"The allowed maximum operations in a JSON patch is {MaxOperations}, got {operations.Count}"));
        }

        foreach (var operation in operations)
        {
            if (operation is not JsonObject)
            {
                throw PatchException.BadRequest(
                    $"json: cannot unmarshal {GoJsonTypeName(operation)} into Go value of type jsonpatch.Operation");
            }
        }

        var document = new Document(target?.DeepClone());
        foreach (var operation in operations)
        {
            document.Apply((JsonObject)operation!);
        }

        return document.Root;
    }

    /// <summary>
    /// Applies a JSON patch request body to a stored object; the result must still be an object.
    /// </summary>
    /// <exception cref="PatchException">As <see cref="Apply"/>, or 422 when the result is not an object.</exception>
    public static JsonObject ApplyToObject(JsonObject target, JsonArray operations) =>
        Apply(target, operations) as JsonObject
            ?? throw PatchException.Invalid("the patched document is not a JSON object");

    private static string GoJsonTypeName(JsonNode? node) => JsonValues.KindOf(node) switch
    {
        JsonKind.Array => "array",
        JsonKind.String => "string",
        JsonKind.Integer or JsonKind.Float => "number",
        JsonKind.Boolean => "bool",
        _ => "null",
    };

    private sealed class Document(JsonNode? root)
    {
        public JsonNode? Root { get; private set; } = root;

        public void Apply(JsonObject operation)
        {
            var kind = ReadString(operation, "op") ?? "unknown";
            switch (kind)
            {
                case "add":
                    Add(Path(operation, "path"), Value(operation), kind);
                    break;
                case "remove":
                    Remove(Path(operation, "path"), kind);
                    break;
                case "replace":
                    Replace(Path(operation, "path"), Value(operation));
                    break;
                case "move":
                    Move(Path(operation, "from"), Path(operation, "path"));
                    break;
                case "copy":
                    Copy(Path(operation, "from"), Path(operation, "path"));
                    break;
                case "test":
                    Test(Path(operation, "path"), Value(operation));
                    break;
                default:
                    throw PatchException.Invalid("Unexpected kind: " + kind);
            }
        }

        private static string? ReadString(JsonObject operation, string name) =>
            operation.TryGetPropertyValue(name, out var value) && JsonValues.KindOf(value) == JsonKind.String
                ? value!.GetValue<string>()
                : null;

        private static (string Text, string[] Tokens) Path(JsonObject operation, string member)
        {
            var text = ReadString(operation, member)
                ?? throw PatchException.Invalid($"operation missing {member} field");
            var tokens = JsonPointer.Parse(text)
                ?? throw PatchException.Invalid($"invalid JSON pointer in {member}: \"{text}\"");
            return (text, tokens);
        }

        private static JsonNode? Value(JsonObject operation) =>
            operation.TryGetPropertyValue("value", out var value)
                ? value?.DeepClone()
                : throw PatchException.Invalid($"operation {ReadString(operation, "op")} is missing a value");

        private JsonNode? ParentOf(string[] tokens)
        {
            return JsonPointer.TryResolve(Root, tokens.AsSpan(0, tokens.Length - 1), out var parent) ? parent : null;
        }

        private void Add((string Text, string[] Tokens) path, JsonNode? value, string kind)
        {
            if (path.Tokens.Length == 0)
            {
                Root = value;
                return;
            }

            var key = path.Tokens[^1];
            switch (ParentOf(path.Tokens))
            {
                case JsonObject obj:
                    obj[key] = value;
                    return;
                case JsonArray array:
                    if (key == "-")
                    {
                        array.Add(value);
                        return;
                    }

                    if (!JsonPointer.TryParseIndex(key, out var index))
                    {
                        throw PatchException.Invalid($"value was not a proper array index: '{key}'");
                    }

                    // evanphx/json-patch: the insertion range is 0..len, and negative indices count back from len+1.
                    var size = array.Count + 1;
                    if (index >= size || index < -size)
                    {
                        throw PatchException.Invalid(string.Create(CultureInfo.InvariantCulture, $"Unable to access invalid index: {index}"));
                    }

                    array.Insert(index < 0 ? index + size : index, value);
                    return;
                default:
                    throw PatchException.Invalid($"{kind} operation does not apply: doc is missing path: \"{path.Text}\"");
            }
        }

        private JsonNode? Remove((string Text, string[] Tokens) path, string kind)
        {
            if (path.Tokens.Length == 0)
            {
                throw PatchException.Invalid($"{kind} operation does not apply: cannot remove the whole document");
            }

            var key = path.Tokens[^1];
            switch (ParentOf(path.Tokens))
            {
                case JsonObject obj:
                    if (!obj.TryGetPropertyValue(key, out var existing))
                    {
                        throw PatchException.Invalid($"Unable to remove nonexistent key: {key}: missing value");
                    }

                    obj.Remove(key);
                    return existing;
                case JsonArray array:
                    var index = ExistingIndex(array, key);
                    var removed = array[index];
                    array.RemoveAt(index);
                    return removed;
                default:
                    throw PatchException.Invalid($"{kind} operation does not apply: doc is missing path: \"{path.Text}\"");
            }
        }

        private void Replace((string Text, string[] Tokens) path, JsonNode? value)
        {
            if (path.Tokens.Length == 0)
            {
                Root = value;
                return;
            }

            var key = path.Tokens[^1];
            switch (ParentOf(path.Tokens))
            {
                case JsonObject obj:
                    if (!obj.ContainsKey(key))
                    {
                        throw PatchException.Invalid($"replace operation does not apply: doc is missing key: {path.Text}: missing value");
                    }

                    obj[key] = value;
                    return;
                case JsonArray array:
                    array[ExistingIndex(array, key)] = value;
                    return;
                default:
                    throw PatchException.Invalid($"replace operation does not apply: doc is missing path: {path.Text}: missing value");
            }
        }

        private void Move((string Text, string[] Tokens) from, (string Text, string[] Tokens) path)
        {
            if (!JsonPointer.TryResolve(Root, from.Tokens, out _))
            {
                throw PatchException.Invalid($"move operation does not apply: doc is missing from path: {from.Text}: missing value");
            }

            // RFC 6902 §4.4: a location cannot be moved into one of its own children.
            if (path.Tokens.Length > from.Tokens.Length && path.Tokens.AsSpan(0, from.Tokens.Length).SequenceEqual(from.Tokens))
            {
                throw PatchException.Invalid($"move operation does not apply: \"{from.Text}\" is a prefix of \"{path.Text}\"");
            }

            if (from.Tokens.Length == 0)
            {
                if (path.Tokens.Length == 0)
                {
                    return;
                }

                throw PatchException.Invalid("move operation does not apply: cannot move the whole document");
            }

            var value = Remove(from, "move");
            if (path.Tokens.Length > 0 && ParentOf(path.Tokens) is not (JsonObject or JsonArray))
            {
                throw PatchException.Invalid($"move operation does not apply: doc is missing destination path: {path.Text}");
            }

            Add(path, Detach(value), "move");
        }

        private void Copy((string Text, string[] Tokens) from, (string Text, string[] Tokens) path)
        {
            if (!JsonPointer.TryResolve(Root, from.Tokens, out var value))
            {
                throw PatchException.Invalid($"copy operation does not apply: doc is missing from path: {from.Text}: missing value");
            }

            if (path.Tokens.Length > 0 && ParentOf(path.Tokens) is not (JsonObject or JsonArray))
            {
                throw PatchException.Invalid($"copy operation does not apply: doc is missing destination path: {path.Text}");
            }

            Add(path, value?.DeepClone(), "copy");
        }

        private void Test((string Text, string[] Tokens) path, JsonNode? expected)
        {
            if (path.Tokens.Length > 0 && ParentOf(path.Tokens) is not (JsonObject or JsonArray))
            {
                throw PatchException.Invalid($"test operation does not apply: is missing path: {path.Text}");
            }

            // evanphx/json-patch treats a missing member like null, so {"op":"test","value":null} passes.
            JsonPointer.TryResolve(Root, path.Tokens, out var actual);
            if (!JsonValueComparer.AreEqual(actual, expected))
            {
                throw PatchException.Invalid($"testing value {path.Text} failed: test failed");
            }
        }

        private static int ExistingIndex(JsonArray array, string key)
        {
            if (!JsonPointer.TryParseIndex(key, out var index))
            {
                throw PatchException.Invalid($"value was not a proper array index: '{key}'");
            }

            if (index >= array.Count || index < -array.Count)
            {
                throw PatchException.Invalid(string.Create(CultureInfo.InvariantCulture, $"Unable to access invalid index: {index}"));
            }

            return index < 0 ? index + array.Count : index;
        }

        private static JsonNode? Detach(JsonNode? node) => node?.Parent is null ? node : node.DeepClone();
    }
}
