using System.Text;
using System.Text.Json.Nodes;
using Karmada.Protobuf.Schema;

namespace Karmada.Protobuf.Decoding;

/// <summary>
/// Walks the wire format of a Kubernetes message guided by <see cref="KubernetesSchema"/> and builds
/// the JSON that Go's encoding/json would write for the same object after a protobuf decode:
/// Go field order, omitempty, nil versus zero values, inlined embedded structs and custom marshalers.
/// </summary>
internal static class MessageDecoder
{
    /// <summary>Kubernetes types nest about fifteen levels deep; the cap only stops hostile input.</summary>
    public const int MaxDepth = 100;

    public static JsonObject DecodeObject(ReadOnlySpan<byte> data, SchemaMessage message, int depth)
    {
        var target = new JsonObject();
        DecodeInto(target, data, message, depth);
        return target;
    }

    public static void DecodeInto(JsonObject target, ReadOnlySpan<byte> data, SchemaMessage message, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new ProtobufDecodeException(ProtobufDecodeError.Malformed, $"Protobuf body nests deeper than {MaxDepth} messages.");
        }

        var occurrences = Collect(data, message);
        var fields = message.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            EmitField(target, data, message, fields[i], occurrences[i], depth);
        }
    }

    private static List<Occurrence>?[] Collect(ReadOnlySpan<byte> data, SchemaMessage message)
    {
        var occurrences = new List<Occurrence>?[message.Fields.Count];
        var reader = new WireReader(data);
        while (!reader.AtEnd)
        {
            var (number, wireType) = reader.ReadTag();
            var index = message.IndexOf(number);
            if (index < 0)
            {
                // Fields newer than the schema are dropped, exactly as the Go decoder skips unknown fields.
                reader.Skip(number, wireType);
                continue;
            }

            var field = message.Fields[index];
            var list = occurrences[index] ??= new List<Occurrence>(1);
            var expected = ExpectedWireType(field);
            if (wireType == expected)
            {
                list.Add(ReadOne(ref reader, expected));
            }
            else if (wireType == WireType.LengthDelimited && field.Cardinality == FieldCardinality.Repeated && expected != WireType.LengthDelimited)
            {
                // Packed repeated scalars: Go accepts both encodings of a repeated numeric field.
                var (start, length) = reader.ReadLengthDelimitedRange();
                var packed = new WireReader(data.Slice(start, length));
                while (!packed.AtEnd)
                {
                    list.Add(ReadOne(ref packed, expected));
                }
            }
            else
            {
                throw new ProtobufDecodeException(
                    ProtobufDecodeError.Malformed,
                    $"Protobuf body is malformed: field {number} ({field.JsonName ?? "inline"}) of {message.FullName} has wire type {wireType}, expected {expected}.");
            }
        }

        return occurrences;
    }

    private static Occurrence ReadOne(ref WireReader reader, WireType wireType)
    {
        switch (wireType)
        {
            case WireType.Varint:
                return new Occurrence(reader.ReadVarint(), 0, 0);
            case WireType.Fixed64:
                return new Occurrence(reader.ReadFixed64(), 0, 0);
            case WireType.Fixed32:
                return new Occurrence(reader.ReadFixed32(), 0, 0);
            default:
                var (start, length) = reader.ReadLengthDelimitedRange();
                return new Occurrence(0, start, length);
        }
    }

    private static WireType ExpectedWireType(SchemaField field)
        => field.Cardinality == FieldCardinality.Map ? WireType.LengthDelimited : WireTypeOf(field.Kind);

    private static WireType WireTypeOf(ValueKind kind)
    {
        return kind switch
        {
            ValueKind.Bool or ValueKind.Int32 or ValueKind.Int64 or ValueKind.UInt32 or ValueKind.UInt64
                or ValueKind.SInt32 or ValueKind.SInt64 => WireType.Varint,
            ValueKind.Fixed64 or ValueKind.SFixed64 or ValueKind.Double => WireType.Fixed64,
            ValueKind.Fixed32 or ValueKind.SFixed32 or ValueKind.Float => WireType.Fixed32,
            _ => WireType.LengthDelimited,
        };
    }

    private static void EmitField(JsonObject target, ReadOnlySpan<byte> data, SchemaMessage owner, SchemaField field, List<Occurrence>? list, int depth)
    {
        var present = list is { Count: > 0 };
        switch (field.Cardinality)
        {
            case FieldCardinality.Value:
                EmitValueField(target, data, owner, field, list, depth);
                return;

            case FieldCardinality.Pointer:
                if (!present)
                {
                    SetNil(target, field);
                    return;
                }

                // A non-nil pointer is written even when it points at a zero value.
                Set(target, field, DecodeSingle(data, field.Kind, field.Message, list!, depth));
                return;

            case FieldCardinality.Repeated:
                if (!present)
                {
                    SetNil(target, field);
                    return;
                }

                var array = new JsonArray();
                foreach (var occurrence in list!)
                {
                    array.Add(DecodeElement(data, field.Kind, field.Message, occurrence, depth));
                }

                Set(target, field, array);
                return;

            default:
                if (!present)
                {
                    SetNil(target, field);
                    return;
                }

                Set(target, field, DecodeMap(data, field, list!, depth));
                return;
        }
    }

    private static void EmitValueField(JsonObject target, ReadOnlySpan<byte> data, SchemaMessage owner, SchemaField field, List<Occurrence>? list, int depth)
    {
        switch (field.Kind)
        {
            case ValueKind.Message:
                // Non-pointer structs are never empty for encoding/json, so they are always written.
                var payload = Merge(data, list);
                if (field.JsonName is null)
                {
                    var nested = DecodeObject(payload, field.Message!, depth + 1);
                    Inline(target, owner, nested);
                }
                else
                {
                    target[field.JsonName] = DecodeObject(payload, field.Message!, depth + 1);
                }

                return;

            case ValueKind.StringArray:
                // A named []string such as metav1.Verbs: repeated occurrences append their items.
                var items = new JsonArray();
                if (list is not null)
                {
                    foreach (var occurrence in list)
                    {
                        AppendStringItems(items, data.Slice(occurrence.Start, occurrence.Length));
                    }
                }

                if (items.Count == 0)
                {
                    SetNil(target, field);
                }
                else
                {
                    Set(target, field, items);
                }

                return;

            case ValueKind.Bytes:
                // []byte is a slice: nil when absent, and omitempty drops it when empty.
                if (list is not { Count: > 0 })
                {
                    SetNil(target, field);
                    return;
                }

                var last = list[^1];
                if (last.Length == 0 && field.OmitEmpty)
                {
                    return;
                }

                Set(target, field, JsonValue.Create(Convert.ToBase64String(data.Slice(last.Start, last.Length))));
                return;

            case ValueKind.Time or ValueKind.MicroTime or ValueKind.Duration or ValueKind.Quantity
                or ValueKind.IntOrString or ValueKind.RawExtension or ValueKind.FieldsV1:
                // Structs with a custom marshaler: always written, zero value included.
                target[field.JsonName!] = DecodeSpecial(data, field.Kind, list, depth);
                return;

            default:
                var value = list is { Count: > 0 } ? list[^1] : default;
                if (field.OmitEmpty && IsZeroScalar(field.Kind, value))
                {
                    return;
                }

                target[field.JsonName!] = DecodeElement(data, field.Kind, null, value, depth);
                return;
        }
    }

    private static JsonNode? DecodeSingle(ReadOnlySpan<byte> data, ValueKind kind, SchemaMessage? message, List<Occurrence> list, int depth)
    {
        return kind switch
        {
            ValueKind.Message => DecodeObject(Merge(data, list), message!, depth + 1),
            ValueKind.StringArray => DecodeStringArray(Merge(data, list)),
            ValueKind.Time or ValueKind.MicroTime or ValueKind.Duration or ValueKind.Quantity
                or ValueKind.IntOrString or ValueKind.RawExtension or ValueKind.FieldsV1 => DecodeSpecial(data, kind, list, depth),
            _ => DecodeElement(data, kind, message, list[^1], depth),
        };
    }

    private static JsonNode? DecodeSpecial(ReadOnlySpan<byte> data, ValueKind kind, List<Occurrence>? list, int depth)
    {
        switch (kind)
        {
            case ValueKind.Time or ValueKind.MicroTime or ValueKind.Quantity:
                // Their Go Unmarshal replaces the value, so the last occurrence wins whole.
                var last = list is { Count: > 0 } ? data.Slice(list[^1].Start, list[^1].Length) : default;
                return kind switch
                {
                    ValueKind.Time => SpecialValues.Time(last),
                    ValueKind.MicroTime => SpecialValues.MicroTime(last),
                    _ => SpecialValues.Quantity(last),
                };
            default:
                return DecodeSpecialPayload(Merge(data, list), kind, depth);
        }
    }

    private static JsonNode? DecodeSpecialPayload(ReadOnlySpan<byte> payload, ValueKind kind, int depth)
    {
        switch (kind)
        {
            case ValueKind.Time:
                return SpecialValues.Time(payload);
            case ValueKind.MicroTime:
                return SpecialValues.MicroTime(payload);
            case ValueKind.Quantity:
                return SpecialValues.Quantity(payload);
            case ValueKind.Duration:
                return SpecialValues.Duration(payload);
            case ValueKind.IntOrString:
                return SpecialValues.IntOrString(payload);
            case ValueKind.FieldsV1:
                var fields = SpecialValues.ReadRawBytes(payload, "FieldsV1");
                return fields is null ? null : SpecialValues.ParseEmbeddedJson(fields, "FieldsV1");
            default:
                var raw = SpecialValues.ReadRawBytes(payload, "RawExtension");
                if (raw is null)
                {
                    return null;
                }

                // A nested object encoded by the protobuf serializer carries its own envelope.
                return KubernetesProtobuf.HasMagic(raw)
                    ? EnvelopeDecoder.Decode(raw, depth + 1)
                    : SpecialValues.ParseEmbeddedJson(raw, "RawExtension");
        }
    }

    private static JsonNode? DecodeElement(ReadOnlySpan<byte> data, ValueKind kind, SchemaMessage? message, Occurrence occurrence, int depth)
    {
        var raw = occurrence.Value;
        switch (kind)
        {
            case ValueKind.String:
                return JsonValue.Create(Encoding.UTF8.GetString(data.Slice(occurrence.Start, occurrence.Length)));
            case ValueKind.Bytes:
                return JsonValue.Create(Convert.ToBase64String(data.Slice(occurrence.Start, occurrence.Length)));
            case ValueKind.Bool:
                return JsonValue.Create(raw != 0);
            case ValueKind.Int32:
                return JsonValue.Create(unchecked((int)raw));
            case ValueKind.Int64:
                return JsonValue.Create(unchecked((long)raw));
            case ValueKind.UInt32:
            case ValueKind.Fixed32:
                return JsonValue.Create(unchecked((uint)raw));
            case ValueKind.UInt64:
            case ValueKind.Fixed64:
                return JsonValue.Create(raw);
            case ValueKind.SInt32:
                var zigzag32 = unchecked((uint)raw);
                return JsonValue.Create(unchecked((int)(zigzag32 >> 1) ^ -(int)(zigzag32 & 1)));
            case ValueKind.SInt64:
                return JsonValue.Create(unchecked((long)(raw >> 1) ^ -(long)(raw & 1)));
            case ValueKind.SFixed32:
                return JsonValue.Create(unchecked((int)(uint)raw));
            case ValueKind.SFixed64:
                return JsonValue.Create(unchecked((long)raw));
            case ValueKind.Double:
                return FiniteNumber(BitConverter.UInt64BitsToDouble(raw));
            case ValueKind.Float:
                return FiniteNumber(BitConverter.UInt32BitsToSingle(unchecked((uint)raw)));
            case ValueKind.Message:
                return DecodeObject(data.Slice(occurrence.Start, occurrence.Length), message!, depth + 1);
            case ValueKind.StringArray:
                return DecodeStringArray(data.Slice(occurrence.Start, occurrence.Length));
            default:
                return DecodeSpecialPayload(data.Slice(occurrence.Start, occurrence.Length), kind, depth);
        }
    }

    private static JsonObject DecodeMap(ReadOnlySpan<byte> data, SchemaField field, List<Occurrence> list, int depth)
    {
        // Go assigns entries into a map (a repeated key keeps the last value) and encoding/json sorts the keys.
        var entries = new SortedDictionary<string, JsonNode?>(Utf8OrderComparer.Instance);
        var valueWireType = WireTypeOf(field.Kind);
        foreach (var occurrence in list)
        {
            var entry = data.Slice(occurrence.Start, occurrence.Length);
            var key = string.Empty;
            var valueStart = -1;
            var valueLength = 0;
            ulong scalar = 0;
            var reader = new WireReader(entry);
            while (!reader.AtEnd)
            {
                var (number, wireType) = reader.ReadTag();
                if (number == 1)
                {
                    SpecialValues.Expect(wireType, WireType.LengthDelimited, field.JsonName + " map key");
                    key = Encoding.UTF8.GetString(reader.ReadLengthDelimited());
                }
                else if (number == 2)
                {
                    SpecialValues.Expect(wireType, valueWireType, field.JsonName + " map value");
                    var one = ReadOne(ref reader, valueWireType);
                    scalar = one.Value;
                    valueStart = one.Start;
                    valueLength = one.Length;
                }
                else
                {
                    reader.Skip(number, wireType);
                }
            }

            // Offsets are relative to the entry; rebase them onto the message data.
            var valueOccurrence = valueStart < 0
                ? new Occurrence(scalar, occurrence.Start, 0)
                : new Occurrence(scalar, occurrence.Start + valueStart, valueLength);
            entries[key] = DecodeElement(data, field.Kind, field.Message, valueOccurrence, depth);
        }

        var map = new JsonObject();
        foreach (var (key, value) in entries)
        {
            map[key] = value;
        }

        return map;
    }

    private static JsonArray? DecodeStringArray(ReadOnlySpan<byte> payload)
    {
        var items = new JsonArray();
        AppendStringItems(items, payload);
        return items.Count == 0 ? null : items;
    }

    private static void AppendStringItems(JsonArray items, ReadOnlySpan<byte> payload)
    {
        var reader = new WireReader(payload);
        while (!reader.AtEnd)
        {
            var (number, wireType) = reader.ReadTag();
            if (number == 1)
            {
                SpecialValues.Expect(wireType, WireType.LengthDelimited, "items");
                items.Add(JsonValue.Create(Encoding.UTF8.GetString(reader.ReadLengthDelimited())));
            }
            else
            {
                reader.Skip(number, wireType);
            }
        }
    }

    private static void Inline(JsonObject target, SchemaMessage owner, JsonObject nested)
    {
        var properties = nested.ToList();
        nested.Clear();
        foreach (var (name, value) in properties)
        {
            // In Go a field declared on the outer struct hides a promoted one of the same name.
            if (!owner.DeclaresJsonName(name))
            {
                target[name] = value;
            }
        }
    }

    private static ReadOnlySpan<byte> Merge(ReadOnlySpan<byte> data, List<Occurrence>? list)
    {
        if (list is null || list.Count == 0)
        {
            return default;
        }

        if (list.Count == 1)
        {
            return data.Slice(list[0].Start, list[0].Length);
        }

        // Protobuf merges repeated occurrences of a message field; parsing the concatenation is that merge.
        var total = 0;
        foreach (var occurrence in list)
        {
            total += occurrence.Length;
        }

        var merged = new byte[total];
        var offset = 0;
        foreach (var occurrence in list)
        {
            data.Slice(occurrence.Start, occurrence.Length).CopyTo(merged.AsSpan(offset));
            offset += occurrence.Length;
        }

        return merged;
    }

    private static bool IsZeroScalar(ValueKind kind, Occurrence value) => kind switch
    {
        ValueKind.String => value.Length == 0,
        ValueKind.Int32 or ValueKind.UInt32 or ValueKind.SInt32 or ValueKind.Fixed32 or ValueKind.SFixed32
            => unchecked((uint)value.Value) == 0,
        ValueKind.Double => BitConverter.UInt64BitsToDouble(value.Value) == 0,
        ValueKind.Float => BitConverter.UInt32BitsToSingle(unchecked((uint)value.Value)) == 0,
        _ => value.Value == 0,
    };

    private static JsonValue FiniteNumber(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ProtobufDecodeException(ProtobufDecodeError.InvalidValue, $"Number {value} cannot be written as JSON.");
        }

        return JsonValue.Create(value);
    }

    private static void Set(JsonObject target, SchemaField field, JsonNode? value) => target[field.JsonName!] = value;

    private static void SetNil(JsonObject target, SchemaField field)
    {
        // encoding/json writes a nil pointer, slice or map as null unless the tag says omitempty.
        if (!field.OmitEmpty)
        {
            target[field.JsonName!] = null;
        }
    }
}
