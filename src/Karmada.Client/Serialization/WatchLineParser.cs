using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Karmada.Client.Serialization;

/// <summary>
/// Decodes one line of a watch stream, <c>{"type":"ADDED","object":{...}}</c>, without materialising the line twice:
/// the object is deserialized straight from the line's bytes.
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

    private static WatchEvent<T> Decode<T>(string type, ref Utf8JsonReader reader, JsonTypeInfo<T> typeInfo)
    {
        var eventType = type switch
        {
            "ADDED" => WatchEventType.Added,
            "MODIFIED" => WatchEventType.Modified,
            "DELETED" => WatchEventType.Deleted,
            "BOOKMARK" => WatchEventType.Bookmark,
            "ERROR" => (WatchEventType?)null,
            _ => throw new JsonException($"Unknown watch event type '{type}'."),
        };

        if (eventType is null)
        {
            var status = JsonSerializer.Deserialize(ref reader, ClientJsonContext.Default.ApiStatus)
                ?? new ApiStatus { Status = "Failure", Message = "The watch ended with an empty ERROR event." };
            throw ApiException.FromStatus(status);
        }

        var obj = JsonSerializer.Deserialize(ref reader, typeInfo)
            ?? throw new JsonException($"The object of a {type} event decoded to null.");
        return new WatchEvent<T>(eventType.Value, obj);
    }
}
