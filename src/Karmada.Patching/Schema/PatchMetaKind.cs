namespace Karmada.Patching.Schema;

/// <summary>The shape of the value a <see cref="PatchMeta"/> describes.</summary>
public enum PatchMetaKind
{
    /// <summary>
    /// No schema: objects merge key by key (their keys count as struct fields), lists are atomic and replaced.
    /// This is JSON merge patch behaviour and what upstream deduces for schemaless data.
    /// </summary>
    Unknown,

    /// <summary>A string, number or boolean.</summary>
    Scalar,

    /// <summary>An object with declared fields (a Go struct).</summary>
    Struct,

    /// <summary>An object whose keys are data (<c>map[string]T</c>, e.g. labels); every entry is owned separately.</summary>
    Map,

    /// <summary>A JSON array.</summary>
    List,
}
