using System.Text.Json.Nodes;
using Karmada.Protobuf.Decoding;

namespace Karmada.Protobuf;

/// <summary>
/// Decodes request bodies that kubectl 1.32+ and client-go typed clients send as
/// <c>application/vnd.kubernetes.protobuf</c> into the JSON object Kubernetes would store for them.
/// </summary>
public static class KubernetesProtobuf
{
    /// <summary>The Kubernetes protobuf media type.</summary>
    public const string MediaType = "application/vnd.kubernetes.protobuf";

    internal const int MagicLength = 4;

    private static ReadOnlySpan<byte> Magic => "k8s\0"u8;

    /// <summary>
    /// Whether a Content-Type header names the Kubernetes protobuf media type; parameters such as
    /// <c>charset</c> are ignored and the media type is matched case-insensitively.
    /// </summary>
    public static bool IsProtobuf(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return false;
        }

        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        var mediaType = (semicolon < 0 ? contentType : contentType[..semicolon]).Trim();
        return string.Equals(mediaType, MediaType, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Decodes a protobuf body (<c>k8s\0</c> magic, runtime.Unknown envelope, then the kind's message)
    /// into the object's Kubernetes JSON form with <c>kind</c> and <c>apiVersion</c> set from the envelope.
    /// </summary>
    /// <exception cref="ProtobufDecodeException">The body has no magic prefix, names a kind without a
    /// schema, is truncated or malformed, or holds a value its Go type rejects. See
    /// <see cref="ProtobufDecodeException.Error"/>.</exception>
    public static JsonObject Decode(ReadOnlySpan<byte> body) => EnvelopeDecoder.Decode(body, depth: 0);

    internal static bool HasMagic(ReadOnlySpan<byte> body) => body.StartsWith(Magic);
}
