using System.Text.Json;
using System.Text.Json.Nodes;

namespace Karmada.Policy.Json;

/// <summary>An RFC 6901 JSON pointer, as <c>go-openapi/jsonpointer</c> parses it: empty, or <c>/</c>-separated tokens with <c>~1</c> and <c>~0</c> escapes.</summary>
public sealed class JsonPointer
{
    /// <summary>The error upstream reports for a pointer that is neither empty nor starts with <c>/</c>.</summary>
    public const string InvalidStartMessage = "JSON pointer must be empty or start with a \"/";

    private JsonPointer(string text, IReadOnlyList<string> tokens)
    {
        Text = text;
        Tokens = tokens;
    }

    /// <summary>The pointer as written.</summary>
    public string Text { get; }

    /// <summary>The unescaped reference tokens.</summary>
    public IReadOnlyList<string> Tokens { get; }

    /// <summary>Parses a pointer; returns false with upstream's message when it is invalid.</summary>
    public static bool TryParse(string? text, out JsonPointer pointer, out string error)
    {
        text ??= "";
        error = "";
        if (text.Length == 0)
        {
            pointer = new JsonPointer(text, []);
            return true;
        }

        if (text[0] != '/')
        {
            pointer = new JsonPointer(text, []);
            error = InvalidStartMessage;
            return false;
        }

        var tokens = text[1..].Split('/').Select(Unescape).ToArray();
        pointer = new JsonPointer(text, tokens);
        return true;
    }

    /// <summary>Parses a pointer; throws <see cref="JsonPatchException"/> when it is invalid.</summary>
    public static JsonPointer Parse(string? text) =>
        TryParse(text, out var pointer, out var error) ? pointer : throw new JsonPatchException(error);

    /// <summary>RFC 6901 token unescaping: <c>~1</c> then <c>~0</c>.</summary>
    public static string Unescape(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
    }

    /// <summary>The value the pointer designates in <paramref name="document"/>, as <c>pointer.Get</c>; throws when a token does not resolve.</summary>
    public JsonNode? Get(JsonNode? document)
    {
        var current = document;
        foreach (var token in Tokens)
        {
            current = current switch
            {
                JsonObject obj => obj.TryGetPropertyValue(token, out var child)
                    ? child
                    : throw new JsonPatchException($"object has no key \"{token}\""),
                JsonArray array => int.TryParse(token, out var index) && index >= 0 && index < array.Count
                    ? array[index]
                    : throw new JsonPatchException($"index out of bounds array[0,{array.Count}] index '{token}'"),
                _ => throw new JsonPatchException($"invalid token reference \"{token}\""),
            };
        }

        return current;
    }

    /// <summary>Sets the designated value, as <c>pointer.Set</c>: the parent must exist and an array index must be in range.</summary>
    public void Set(JsonNode document, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (Tokens.Count == 0)
        {
            throw new JsonPatchException("can't set the root of a document");
        }

        var parent = new JsonPointer(Text, Tokens.Take(Tokens.Count - 1).ToArray()).Get(document);
        var last = Tokens[^1];
        switch (parent)
        {
            case JsonObject obj:
                obj[last] = value;
                break;
            case JsonArray array when int.TryParse(last, out var index) && index >= 0 && index < array.Count:
                array[index] = value;
                break;
            default:
                throw new JsonPatchException($"invalid token reference \"{last}\"");
        }
    }

    /// <summary>Whether the node is a JSON string.</summary>
    internal static bool IsString(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String;
}
