using System.Text;
using System.Text.Json.Nodes;
using Karmada.Protobuf.Schema;

namespace Karmada.Protobuf.Decoding;

/// <summary>
/// Reads the <c>k8s\0</c> + runtime.Unknown envelope {1 typeMeta {1 apiVersion, 2 kind}, 2 raw,
/// 3 contentEncoding, 4 contentType} and decodes <c>raw</c> as the message of that kind.
/// </summary>
internal static class EnvelopeDecoder
{
    public static JsonObject Decode(ReadOnlySpan<byte> body, int depth)
    {
        if (!KubernetesProtobuf.HasMagic(body))
        {
            throw new ProtobufDecodeException(
                ProtobufDecodeError.BadMagic,
                "Body is not a Kubernetes protobuf message: it does not start with the 4-byte prefix 'k8s\\0'.");
        }

        var apiVersion = string.Empty;
        var kind = string.Empty;
        var contentEncoding = string.Empty;
        var contentType = string.Empty;
        var raw = ReadOnlySpan<byte>.Empty;
        var reader = new WireReader(body[KubernetesProtobuf.MagicLength..]);
        while (!reader.AtEnd)
        {
            var (number, wireType) = reader.ReadTag();
            switch (number)
            {
                case 1:
                    SpecialValues.Expect(wireType, WireType.LengthDelimited, "Unknown.typeMeta");
                    ReadTypeMeta(reader.ReadLengthDelimited(), ref apiVersion, ref kind);
                    break;
                case 2:
                    SpecialValues.Expect(wireType, WireType.LengthDelimited, "Unknown.raw");
                    raw = reader.ReadLengthDelimited();
                    break;
                case 3:
                    SpecialValues.Expect(wireType, WireType.LengthDelimited, "Unknown.contentEncoding");
                    contentEncoding = Encoding.UTF8.GetString(reader.ReadLengthDelimited());
                    break;
                case 4:
                    SpecialValues.Expect(wireType, WireType.LengthDelimited, "Unknown.contentType");
                    contentType = Encoding.UTF8.GetString(reader.ReadLengthDelimited());
                    break;
                default:
                    reader.Skip(number, wireType);
                    break;
            }
        }

        if (contentEncoding.Length > 0)
        {
            throw new ProtobufDecodeException(
                ProtobufDecodeError.UnsupportedEncoding,
                $"Protobuf envelope content encoding '{contentEncoding}' is not supported.");
        }

        if (contentType.Length > 0 && !KubernetesProtobuf.IsProtobuf(contentType))
        {
            throw new ProtobufDecodeException(
                ProtobufDecodeError.UnsupportedEncoding,
                $"Protobuf envelope content type '{contentType}' is not supported.");
        }

        if (kind.Length == 0 || apiVersion.Length == 0)
        {
            throw new ProtobufDecodeException(
                ProtobufDecodeError.UnknownKind,
                "Protobuf envelope does not name the apiVersion and kind of the object.");
        }

        if (!KubernetesSchema.Default.TryGetKind(apiVersion, kind, out var message))
        {
            throw new ProtobufDecodeException(
                ProtobufDecodeError.UnknownKind,
                $"No protobuf schema for kind '{kind}' in apiVersion '{apiVersion}'; send it as application/json.");
        }

        // TypeMeta is embedded first in every kind and written as kind, then apiVersion.
        var result = new JsonObject
        {
            ["kind"] = kind,
            ["apiVersion"] = apiVersion,
        };
        MessageDecoder.DecodeInto(result, raw, message, depth + 1);
        return result;
    }

    private static void ReadTypeMeta(ReadOnlySpan<byte> data, ref string apiVersion, ref string kind)
    {
        var reader = new WireReader(data);
        while (!reader.AtEnd)
        {
            var (number, wireType) = reader.ReadTag();
            switch (number)
            {
                case 1:
                    SpecialValues.Expect(wireType, WireType.LengthDelimited, "TypeMeta.apiVersion");
                    apiVersion = Encoding.UTF8.GetString(reader.ReadLengthDelimited());
                    break;
                case 2:
                    SpecialValues.Expect(wireType, WireType.LengthDelimited, "TypeMeta.kind");
                    kind = Encoding.UTF8.GetString(reader.ReadLengthDelimited());
                    break;
                default:
                    reader.Skip(number, wireType);
                    break;
            }
        }
    }
}
