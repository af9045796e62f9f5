namespace Karmada.Protobuf.Decoding;

/// <summary>One value of a field on the wire: the scalar for varint/fixed wire types, else the payload range.</summary>
internal readonly record struct Occurrence(ulong Value, int Start, int Length);
