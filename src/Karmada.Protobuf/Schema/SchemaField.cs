namespace Karmada.Protobuf.Schema;

/// <summary>One Go struct field that is carried in protobuf, in Go declaration order.</summary>
internal sealed class SchemaField
{
    public SchemaField(string? jsonName, int number, FieldCardinality cardinality, string typeName, bool omitEmpty)
    {
        JsonName = jsonName;
        Number = number;
        Cardinality = cardinality;
        TypeName = typeName;
        OmitEmpty = omitEmpty;
    }

    /// <summary>The JSON property name, or <c>null</c> for an embedded struct whose fields are inlined.</summary>
    public string? JsonName { get; }

    public int Number { get; }

    public FieldCardinality Cardinality { get; }

    /// <summary>The proto scalar type name or the full message name (for maps: the value type).</summary>
    public string TypeName { get; }

    /// <summary>The Go json tag has <c>omitempty</c>.</summary>
    public bool OmitEmpty { get; }

    /// <summary>The value kind, set when the schema is resolved.</summary>
    public ValueKind Kind { get; set; }

    /// <summary>The message schema when <see cref="Kind"/> is <see cref="ValueKind.Message"/>.</summary>
    public SchemaMessage? Message { get; set; }
}
