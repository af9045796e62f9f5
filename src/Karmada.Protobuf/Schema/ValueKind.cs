namespace Karmada.Protobuf.Schema;

/// <summary>The protobuf scalar type of a field, or the message family that decides its JSON form.</summary>
internal enum ValueKind
{
    String,
    Bytes,
    Bool,
    Int32,
    Int64,
    UInt32,
    UInt64,
    SInt32,
    SInt64,
    Fixed32,
    Fixed64,
    SFixed32,
    SFixed64,
    Double,
    Float,

    /// <summary>An ordinary message, encoded as a JSON object.</summary>
    Message,

    /// <summary>A Go named <c>[]string</c> wrapped as <c>{repeated string items = 1}</c> (Verbs, ExtraValue).</summary>
    StringArray,

    /// <summary>meta/v1 Time: RFC 3339 with seconds, <c>null</c> when zero.</summary>
    Time,

    /// <summary>meta/v1 MicroTime: RFC 3339 with microseconds, <c>null</c> when zero.</summary>
    MicroTime,

    /// <summary>meta/v1 Duration: Go duration string.</summary>
    Duration,

    /// <summary>resource.Quantity: its string form.</summary>
    Quantity,

    /// <summary>intstr.IntOrString: a JSON number or string.</summary>
    IntOrString,

    /// <summary>runtime.RawExtension: the embedded JSON document.</summary>
    RawExtension,

    /// <summary>meta/v1 FieldsV1: the embedded JSON document.</summary>
    FieldsV1,
}
