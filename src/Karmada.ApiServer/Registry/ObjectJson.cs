using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Karmada.ApiServer.Registry;

/// <summary>Serialization of objects to the compact UTF-8 JSON the server stores and serves.</summary>
public static class ObjectJson
{
    // Relaxed escaping prints what kube-apiserver prints (e.g. fieldsV1 keys k:{"name":"x"}, '&' in annotations).
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false, SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // One reusable buffer and writer per thread: serialization is synchronous, and the only allocation left per
    // call is the exact-size result array.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _threadBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _threadWriter;

    public static byte[] Serialize(JsonNode node)
    {
        var writer = RentWriter(out var buffer);
        node.WriteTo(writer);
        return Finish(writer, buffer);
    }

    /// <summary>
    /// Serializes for storage: without <c>metadata.resourceVersion</c> (the storage revision is the version) and
    /// with <c>apiVersion</c>, <c>kind</c> and <c>metadata</c> first, so the stamper finds metadata early.
    /// </summary>
    public static byte[] SerializeForStorage(JsonObject obj)
    {
        var writer = WriteForStorage(obj, out var buffer);
        return Finish(writer, buffer);
    }

    /// <summary>
    /// <see cref="SerializeForStorage"/> into an array rented from <see cref="ArrayPool{T}.Shared"/>: for a value
    /// that is only handed to a store, which copies what it keeps. The caller returns <see cref="RentedJson.Array"/>.
    /// </summary>
    public static RentedJson SerializeForStorageRented(JsonObject obj)
    {
        var writer = WriteForStorage(obj, out var buffer);
        writer.Flush();
        var written = buffer.WrittenSpan;
        var array = ArrayPool<byte>.Shared.Rent(written.Length);
        written.CopyTo(array);
        ReleaseIfLarge(buffer);
        return new RentedJson(array, written.Length);
    }

    private static Utf8JsonWriter WriteForStorage(JsonObject obj, out ArrayBufferWriter<byte> buffer)
    {
        var writer = RentWriter(out buffer);
        writer.WriteStartObject();
        WriteIfPresent(writer, obj, "apiVersion");
        WriteIfPresent(writer, obj, "kind");
        writer.WritePropertyName("metadata");
        writer.WriteStartObject();
        if (obj["metadata"] is JsonObject metadata)
        {
            for (var i = 0; i < metadata.Count; i++)
            {
                var (name, value) = metadata.GetAt(i);
                if (name == "resourceVersion")
                {
                    continue;
                }

                writer.WritePropertyName(name);
                WriteValue(writer, value);
            }
        }

        writer.WriteEndObject();
        for (var i = 0; i < obj.Count; i++)
        {
            var (name, value) = obj.GetAt(i);
            if (name is "apiVersion" or "kind" or "metadata")
            {
                continue;
            }

            writer.WritePropertyName(name);
            WriteValue(writer, value);
        }

        writer.WriteEndObject();
        return writer;
    }

    private static Utf8JsonWriter RentWriter(out ArrayBufferWriter<byte> buffer)
    {
        buffer = _threadBuffer ??= new ArrayBufferWriter<byte>(8192);
        buffer.ResetWrittenCount();
        var writer = _threadWriter ??= new Utf8JsonWriter(buffer, WriterOptions);
        writer.Reset(buffer);
        return writer;
    }

    private static byte[] Finish(Utf8JsonWriter writer, ArrayBufferWriter<byte> buffer)
    {
        writer.Flush();
        var result = buffer.WrittenSpan.ToArray();
        ReleaseIfLarge(buffer);
        return result;
    }

    private static void ReleaseIfLarge(ArrayBufferWriter<byte> buffer)
    {
        if (buffer.Capacity > 1024 * 1024)
        {
            // Do not pin a huge buffer to the thread after one large object.
            _threadBuffer = null;
            _threadWriter = null;
        }
    }

    private static void WriteIfPresent(Utf8JsonWriter writer, JsonObject obj, string name)
    {
        if (obj.TryGetPropertyValue(name, out var value))
        {
            writer.WritePropertyName(name);
            WriteValue(writer, value);
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, JsonNode? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            value.WriteTo(writer);
        }
    }
}
