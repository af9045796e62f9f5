using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Karmada.Client.Serialization;

/// <summary>
/// Decodes unstructured objects (<see cref="JsonObject"/>) in one pass over contiguous bytes. The serializer's
/// <see cref="JsonObject"/> converter scans a value twice (once to find its end, once to index it) and, over a
/// segmented buffer, copies it first; <see cref="JsonElement.Parse(ReadOnlySpan{byte}, JsonDocumentOptions)"/> indexes
/// it once. The result is the same lazily materialised <see cref="JsonObject"/> over an immutable document.
/// </summary>
internal static class UnstructuredJson
{
    public static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 256 };

    /// <summary>Parses a whole JSON value; throws <see cref="JsonException"/> when the bytes are not one.</summary>
    public static JsonElement ParseElement(ReadOnlySequence<byte> bytes)
    {
        if (bytes.IsSingleSegment)
        {
            return JsonElement.Parse(bytes.FirstSpan, DocumentOptions);
        }

        // A value split across the reader's segments: gather it into scratch space, which Parse copies from.
        var length = checked((int)bytes.Length);
        var scratch = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            bytes.CopyTo(scratch);
            return JsonElement.Parse(scratch.AsSpan(0, length), DocumentOptions);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    /// <summary>
    /// The object an element holds, as the serializer would return it: JSON null gives null, anything but an object
    /// is a <see cref="JsonException"/>.
    /// </summary>
    public static JsonObject? ToObject(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => JsonObject.Create(element),
        JsonValueKind.Null => null,
        _ => throw new JsonException($"Expected a JSON object but found {element.ValueKind}."),
    };

    /// <summary>Reads a whole response body and decodes it as one object (null for a JSON null body).</summary>
    public static async Task<JsonObject?> ReadObjectAsync(Stream stream, long? contentLength, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(contentLength is > 0 and < int.MaxValue ? (int)contentLength.Value + 1 : 16 * 1024);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(checked(buffer.Length * 2));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            return ToObject(JsonElement.Parse(buffer.AsSpan(0, length), DocumentOptions));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
