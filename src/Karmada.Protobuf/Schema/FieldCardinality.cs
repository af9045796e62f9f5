namespace Karmada.Protobuf.Schema;

/// <summary>How a Go struct field holds its value; decides presence and empty-value JSON.</summary>
internal enum FieldCardinality
{
    /// <summary>A non-pointer Go value: always present; zero when absent from the wire.</summary>
    Value,

    /// <summary>A Go pointer: absent means nil.</summary>
    Pointer,

    /// <summary>A Go slice of a proto repeated field: no elements means nil.</summary>
    Repeated,

    /// <summary>A Go <c>map[string]T</c> (proto repeated map entries): no entries means nil.</summary>
    Map,
}
