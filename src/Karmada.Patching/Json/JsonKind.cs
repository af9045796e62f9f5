namespace Karmada.Patching.Json;

/// <summary>The JSON type of a node; <see langword="null"/> nodes are <see cref="Null"/>.</summary>
internal enum JsonKind
{
    Null,
    Object,
    Array,
    String,
    Number,
    Boolean,
}
