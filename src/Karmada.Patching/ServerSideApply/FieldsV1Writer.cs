using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Karmada.Patching.ServerSideApply;

/// <summary>
/// Builds a FieldsV1 object by writing its JSON text and parsing that back. A parsed object is one small document
/// under a lazily materialised node, where a built tree was a <see cref="JsonObject"/> and a dictionary per path
/// node; the server stores it without ever materialising it (an unmaterialised node is written as its text), and
/// anything that reads it sees the same object a tree would be.
/// </summary>
internal static class FieldsV1Writer
{
    // The server's storage writer options: what is parsed back is written out again through them.
    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // One buffer and writer per thread: a build writes synchronously from Begin to End and never nests.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _writer;

    /// <summary>A writer positioned before the root object; finish with <see cref="End"/> on the same thread.</summary>
    public static Utf8JsonWriter Begin()
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var writer = _writer ??= new Utf8JsonWriter(buffer, WriterOptions);
        writer.Reset(buffer);
        return writer;
    }

    /// <summary>The object written since <see cref="Begin"/>.</summary>
    public static JsonObject End(Utf8JsonWriter writer)
    {
        writer.Flush();
        var buffer = _buffer!;
        var result = JsonNode.Parse(buffer.WrittenSpan)!.AsObject();
        if (buffer.Capacity > 256 * 1024)
        {
            // Do not pin a large buffer to the thread after one huge set.
            _buffer = null;
            _writer = null;
        }

        return result;
    }
}
