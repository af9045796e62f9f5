using Google.Protobuf;

namespace Karmada.Protobuf.Tests;

/// <summary>Writes protobuf messages field by field with Google.Protobuf, the way gogo-protobuf lays them out.</summary>
internal sealed class ProtoBuilder
{
    private readonly List<byte[]> _chunks = [];

    /// <summary>A complete request body: magic, then runtime.Unknown wrapping the message.</summary>
    public static byte[] Envelope(string apiVersion, string kind, Action<ProtoBuilder> raw)
    {
        var unknown = new ProtoBuilder()
            .Message(1, typeMeta => typeMeta.String(1, apiVersion).String(2, kind))
            .Message(2, raw)
            .String(3, string.Empty)
            .String(4, string.Empty)
            .ToArray();
        return [.. "k8s\0"u8.ToArray(), .. unknown];
    }

    public ProtoBuilder String(int number, string value)
    {
        return Write(output =>
        {
            output.WriteTag(number, WireFormat.WireType.LengthDelimited);
            output.WriteString(value);
        });
    }

    public ProtoBuilder Bytes(int number, byte[] value)
    {
        return Write(output =>
        {
            output.WriteTag(number, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(value));
        });
    }

    public ProtoBuilder Varint(int number, long value)
    {
        return Write(output =>
        {
            output.WriteTag(number, WireFormat.WireType.Varint);
            output.WriteInt64(value);
        });
    }

    public ProtoBuilder Bool(int number, bool value)
    {
        return Write(output =>
        {
            output.WriteTag(number, WireFormat.WireType.Varint);
            output.WriteBool(value);
        });
    }

    public ProtoBuilder Message(int number, Action<ProtoBuilder> build)
    {
        var nested = new ProtoBuilder();
        build(nested);
        return Bytes(number, nested.ToArray());
    }

    /// <summary>A map entry {1 key, 2 value} of a <c>map&lt;string, string&gt;</c>.</summary>
    public ProtoBuilder Entry(int number, string key, string value)
        => Message(number, entry => entry.String(1, key).String(2, value));

    /// <summary>A map entry whose value is a message.</summary>
    public ProtoBuilder Entry(int number, string key, Action<ProtoBuilder> value)
        => Message(number, entry => entry.String(1, key).Message(2, value));

    /// <summary>A Quantity map entry of a ResourceList.</summary>
    public ProtoBuilder Quantity(int number, string key, string quantity)
        => Entry(number, key, value => value.String(1, quantity));

    /// <summary>Any bytes written as-is, to build malformed input.</summary>
    public ProtoBuilder Raw(byte[] bytes)
    {
        _chunks.Add(bytes);
        return this;
    }

    public byte[] ToArray() => [.. _chunks.SelectMany(chunk => chunk)];

    private ProtoBuilder Write(Action<CodedOutputStream> write)
    {
        using var stream = new MemoryStream();
        using (var output = new CodedOutputStream(stream, leaveOpen: true))
        {
            write(output);
        }

        _chunks.Add(stream.ToArray());
        return this;
    }
}
