using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Karmada.Client.Serialization;

/// <summary>
/// Decodes one line of a watch stream, <c>{"type":"ADDED","object":{...}}</c>, without materialising the line twice:
/// a typed object is deserialized straight from the line's bytes; an unstructured one is the <c>object</c> element of
/// the line parsed once (<see cref="UnstructuredJson"/>).
/// </summary>
internal static class WatchLineParser
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 256 };

    /// <summary>
    /// Returns the event, or throws <see cref="ApiException"/> for an ERROR event and <see cref="JsonException"/> for a
    /// line that is not a watch event.
    /// </summary>
    public static WatchEvent<T> Parse<T>(ReadOnlySequence<byte> line, JsonTypeInfo<T> typeInfo)
    {
        if (typeof(T) == typeof(JsonObject))
        {
            // Unstructured objects are kept over a parsed document anyway: parse the line once and take its object.
            return (WatchEvent<T>)(object)ParseUnstructured(line);
        }

        var reader = new Utf8JsonReader(line, ReaderOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A watch event must be a JSON object.");
        }

        string? type = null;
        var hasObject = false;
        var deferred = false;
        Utf8JsonReader objectReader = default;
        WatchEvent<T>? result = null;

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                type = reader.GetString();
            }
            else if (reader.ValueTextEquals("object"u8))
            {
                reader.Read();
                hasObject = true;
                if (type is null)
                {
                    // The server writes "type" first; if another writer does not, decode the object once the type is known.
                    objectReader = reader;
                    deferred = true;
                    reader.Skip();
                }
                else
                {
                    result = Decode(type, ref reader, typeInfo);
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (type is null || !hasObject)
        {
            throw new JsonException("A watch event needs both \"type\" and \"object\".");
        }

        if (deferred)
        {
            result = Decode(type, ref objectReader, typeInfo);
        }

        return result!;
    }

    private static WatchEvent<JsonObject> ParseUnstructured(ReadOnlySequence<byte> line)
    {
        var root = UnstructuredJson.ParseElement(line);
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("A watch event must be a JSON object.");
        }

        string? type = null;
        JsonElement? obj = null;
        foreach (var property in root.EnumerateObject())
        {
            if (property.NameEquals("type"u8))
            {
                type = property.Value.GetString();
            }
            else if (property.NameEquals("object"u8))
            {
                obj = property.Value;
            }
        }

        if (type is null || obj is not { } value)
        {
            throw new JsonException("A watch event needs both \"type\" and \"object\".");
        }

        if (EventType(type) is not { } eventType)
        {
            throw ApiException.FromStatus(value.Deserialize(ClientJsonContext.Default.ApiStatus) ?? EmptyErrorStatus());
        }

        var decoded = UnstructuredJson.ToObject(value) ?? throw new JsonException($"The object of a {type} event decoded to null.");
        return new WatchEvent<JsonObject>(eventType, decoded);
    }

    private static WatchEvent<T> Decode<T>(string type, ref Utf8JsonReader reader, JsonTypeInfo<T> typeInfo)
    {
        if (EventType(type) is not { } eventType)
        {
            throw ApiException.FromStatus(JsonSerializer.Deserialize(ref reader, ClientJsonContext.Default.ApiStatus) ?? EmptyErrorStatus());
        }

        var obj = JsonSerializer.Deserialize(ref reader, typeInfo)
            ?? throw new JsonException($"The object of a {type} event decoded to null.");
        return new WatchEvent<T>(eventType, obj);
    }

    /// <summary>The event type, or null for ERROR; throws for a type no server sends.</summary>
    private static WatchEventType? EventType(string type) => type switch
    {
        "ADDED" => WatchEventType.Added,
        "MODIFIED" => WatchEventType.Modified,
        "DELETED" => WatchEventType.Deleted,
        "BOOKMARK" => WatchEventType.Bookmark,
        "ERROR" => null,
        _ => throw new JsonException($"Unknown watch event type '{type}'."),
    };

    private static ApiStatus EmptyErrorStatus() => new() { Status = "Failure", Message = "The watch ended with an empty ERROR event." };
}
