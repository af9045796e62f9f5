using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Karmada.ApiServer.Registry;

/// <summary>Serialization of objects to the compact UTF-8 JSON the server stores and serves.</summary>
public static class ObjectJson
{
    // Relaxed escaping prints what kube-apiserver prints (e.g. fieldsV1 keys k:{"name":"x"}, '&' in annotations).
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false, SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Serialize(JsonNode node)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            node.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Serializes for storage: without <c>metadata.resourceVersion</c> (the storage revision is the version) and
    /// with <c>apiVersion</c>, <c>kind</c> and <c>metadata</c> first, so the stamper finds metadata early.
    /// </summary>
    public static byte[] SerializeForStorage(JsonObject obj)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            WriteIfPresent(writer, obj, "apiVersion");
            WriteIfPresent(writer, obj, "kind");
            writer.WritePropertyName("metadata");
            writer.WriteStartObject();
            if (obj["metadata"] is JsonObject metadata)
            {
                foreach (var (name, value) in metadata)
                {
                    if (name == "resourceVersion")
                    {
                        continue;
                    }

                    writer.WritePropertyName(name);
                    WriteValue(writer, value);
                }
            }

            writer.WriteEndObject();
            foreach (var (name, value) in obj)
            {
                if (name is "apiVersion" or "kind" or "metadata")
                {
                    continue;
                }

                writer.WritePropertyName(name);
                WriteValue(writer, value);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
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
