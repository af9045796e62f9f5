using System.Buffers.Text;
using System.Text.Json;

namespace Karmada.ApiServer.Caching;

/// <summary>
/// Stored values never carry <c>metadata.resourceVersion</c> (the storage revision is the resourceVersion, as in
/// kube-apiserver over etcd). This splices <c>"resourceVersion":"N"</c> into serialized JSON right after
/// <c>"metadata":{</c> without building a DOM, so objects read from storage or a watch can be served as bytes.
/// </summary>
public static class ResourceVersionStamper
{
    private static ReadOnlySpan<byte> MetadataProperty => "metadata"u8;

    private static ReadOnlySpan<byte> ResourceVersionPrefix => "\"resourceVersion\":\""u8;

    public static byte[] Stamp(ReadOnlySpan<byte> json, long revision)
    {
        var insertAt = FindMetadataBodyStart(json, out var metadataEmpty);
        if (insertAt < 0)
        {
            throw new InvalidOperationException("stored object has no metadata object");
        }

        Span<byte> number = stackalloc byte[24];
        Utf8Formatter.TryFormat(revision, number, out var digits);
        var extra = ResourceVersionPrefix.Length + digits + 1 + (metadataEmpty ? 0 : 1);
        var result = new byte[json.Length + extra];
        json[..insertAt].CopyTo(result);
        var at = insertAt;
        ResourceVersionPrefix.CopyTo(result.AsSpan(at));
        at += ResourceVersionPrefix.Length;
        number[..digits].CopyTo(result.AsSpan(at));
        at += digits;
        result[at++] = (byte)'"';
        if (!metadataEmpty)
        {
            result[at++] = (byte)',';
        }

        json[insertAt..].CopyTo(result.AsSpan(at));
        return result;
    }

    /// <summary>Index just after the <c>{</c> that opens the top-level metadata object, or -1.</summary>
    private static int FindMetadataBodyStart(ReadOnlySpan<byte> json, out bool metadataEmpty)
    {
        metadataEmpty = false;
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return -1;
        }

        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return -1;
            }

            var isMetadata = reader.ValueTextEquals(MetadataProperty);
            reader.Read();
            if (isMetadata && reader.TokenType == JsonTokenType.StartObject)
            {
                var position = (int)reader.BytesConsumed;
                reader.Read();
                metadataEmpty = reader.TokenType == JsonTokenType.EndObject;
                return position;
            }

            reader.Skip();
        }

        return -1;
    }
}
