using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Karmada.Patching.ServerSideApply;

/// <summary>
/// Decoded FieldsV1 objects by their JSON text. Every write decodes the stored managed fields, and their FieldsV1
/// repeat from write to write and from object to object (pods of one template own the same fields): the text of a
/// stored FieldsV1 is written out without building it (the parsed object is still lazy), and a known text gives the
/// decoded set at once instead of materialising and walking the object. Callers get sets of their own over the kept
/// paths (copied before any change), so a kept set is never modified.
/// </summary>
internal static class DecodedFieldsCache
{
    // Bounded: FieldsV1 texts include label and data keys. When full, new texts are decoded without being kept.
    private const int MaxEntries = 4096;

    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly ConcurrentDictionary<byte[], FieldSet> Sets = new(ByteContentComparer.Instance);
    private static readonly ConcurrentDictionary<byte[], FieldSet>.AlternateLookup<ReadOnlySpan<byte>> SetsByText = Sets.GetAlternateLookup<ReadOnlySpan<byte>>();

    // Hashes of texts decoded once and not kept (a collision only makes a text kept a sighting early).
    private const int MaxSeen = 4 * MaxEntries;
    private static readonly ConcurrentDictionary<int, byte> Seen = new();

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _writer;

    public static int Count => Sets.Count;

    /// <exception cref="FormatException">The object is not valid FieldsV1.</exception>
    public static FieldSet Decode(JsonObject fields)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var writer = _writer ??= new Utf8JsonWriter(buffer, WriterOptions);
        writer.Reset(buffer);
        fields.WriteTo(writer);
        writer.Flush();
        var text = buffer.WrittenSpan;
        if (SetsByText.TryGetValue(text, out var known))
        {
            return known.Instance();
        }

        // A text is kept the second time it is seen: keeping one decodes all its paths up front, which only pays for
        // texts that repeat (a template's pods, repeated status writers), not for the many seen once (a pod's status
        // names its IPs). When full, the kept texts are dropped so that current ones can be kept.
        if (!SeenBefore(text))
        {
            return FieldSet.FromFieldsV1Uncached(fields);
        }

        if (Sets.Count >= MaxEntries)
        {
            Sets.Clear();
        }

        // The kept set is decoded from a private copy of the text, so nothing a caller does to its objects reaches it.
        var encoded = text.ToArray();
        var shared = FieldSet.Shared(JsonNode.Parse(encoded)!.AsObject(), encoded);
        if (shared is null)
        {
            return FieldSet.FromFieldsV1Uncached(fields);
        }

        Sets.TryAdd(encoded, shared);
        return shared.Instance();
    }

    private static bool SeenBefore(ReadOnlySpan<byte> text)
    {
        var hash = ByteContentComparer.Instance.GetHashCode(text);
        if (Seen.TryRemove(hash, out _))
        {
            return true;
        }

        if (Seen.Count >= MaxSeen)
        {
            Seen.Clear();
        }

        Seen.TryAdd(hash, 0);
        return false;
    }

    private sealed class ByteContentComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static readonly ByteContentComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

        public int GetHashCode(byte[] obj) => GetHashCode((ReadOnlySpan<byte>)obj);

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate)
        {
            var hash = default(HashCode);
            hash.AddBytes(alternate);
            return hash.ToHashCode();
        }

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
    }
}
