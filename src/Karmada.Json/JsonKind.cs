namespace Karmada.Json;

/// <summary>
/// The type of a JSON value as Kubernetes' unstructured decoding sees it: a number whose text parses as a 64-bit
/// integer is an <see cref="Integer"/> (Go <c>int64</c>), every other number a <see cref="Float"/> (<c>float64</c>).
/// A <see langword="null"/> node and a JSON <c>null</c> are both <see cref="Null"/>.
/// </summary>
public enum JsonKind
{
    Null,
    Object,
    Array,
    String,
    Integer,
    Float,
    Boolean,
}
