using System.Buffers.Binary;

namespace Karmada.Protobuf.Decoding;

/// <summary>
/// A forward-only reader of protobuf wire format over a span. Every read checks bounds and
/// throws <see cref="ProtobufDecodeException"/> instead of reading past the end.
/// </summary>
internal ref struct WireReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public WireReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    public readonly bool AtEnd => _position >= _data.Length;

    public readonly int Position => _position;

    /// <summary>Reads a tag and splits it into field number and wire type.</summary>
    public (int Number, WireType WireType) ReadTag()
    {
        var tag = ReadVarint();
        var number = tag >> 3;
        if (number is 0 or > int.MaxValue >> 3)
        {
            throw Malformed($"invalid field number {number} at offset {_position}");
        }

        var wireType = (WireType)(tag & 7);
        if (wireType > WireType.Fixed32)
        {
            throw Malformed($"invalid wire type {(int)wireType} for field {number}");
        }

        return ((int)number, wireType);
    }

    public ulong ReadVarint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_position >= _data.Length)
            {
                throw Truncated("varint");
            }

            var b = _data[_position++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }

        throw Malformed("varint longer than 10 bytes");
    }

    public ulong ReadFixed64()
    {
        if (_data.Length - _position < 8)
        {
            throw Truncated("fixed64");
        }

        var value = BinaryPrimitives.ReadUInt64LittleEndian(_data.Slice(_position, 8));
        _position += 8;
        return value;
    }

    public uint ReadFixed32()
    {
        if (_data.Length - _position < 4)
        {
            throw Truncated("fixed32");
        }

        var value = BinaryPrimitives.ReadUInt32LittleEndian(_data.Slice(_position, 4));
        _position += 4;
        return value;
    }

    /// <summary>Reads a length prefix and returns the start offset of the payload, advancing past it.</summary>
    public (int Start, int Length) ReadLengthDelimitedRange()
    {
        var length = ReadVarint();
        if (length > (ulong)(_data.Length - _position))
        {
            throw Truncated("length-delimited field");
        }

        var start = _position;
        _position += (int)length;
        return (start, (int)length);
    }

    public ReadOnlySpan<byte> ReadLengthDelimited()
    {
        var (start, length) = ReadLengthDelimitedRange();
        return _data.Slice(start, length);
    }

    /// <summary>Skips the value of an unknown field, as the Go decoder does.</summary>
    public void Skip(int number, WireType wireType)
    {
        switch (wireType)
        {
            case WireType.Varint:
                ReadVarint();
                break;
            case WireType.Fixed64:
                ReadFixed64();
                break;
            case WireType.LengthDelimited:
                ReadLengthDelimitedRange();
                break;
            case WireType.Fixed32:
                ReadFixed32();
                break;
            case WireType.StartGroup:
                SkipGroup(number);
                break;
            default:
                throw Malformed($"unexpected end-group tag for field {number}");
        }
    }

    private void SkipGroup(int groupNumber)
    {
        while (true)
        {
            if (AtEnd)
            {
                throw Truncated("group");
            }

            var (number, wireType) = ReadTag();
            if (wireType == WireType.EndGroup)
            {
                if (number != groupNumber)
                {
                    throw Malformed($"group {groupNumber} closed by end-group tag {number}");
                }

                return;
            }

            Skip(number, wireType);
        }
    }

    private static ProtobufDecodeException Truncated(string what)
        => new(ProtobufDecodeError.Malformed, $"Protobuf body is truncated: unexpected end of data while reading a {what}.");

    private static ProtobufDecodeException Malformed(string detail)
        => new(ProtobufDecodeError.Malformed, $"Protobuf body is malformed: {detail}.");
}
