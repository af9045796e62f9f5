namespace Karmada.OpenApi.Structural;

/// <summary>
/// The JSON type of a value as the unstructured decoding of Kubernetes sees it: numbers whose text parses as a
/// 64-bit integer are integers, every other number is a float.
/// </summary>
internal enum JsonKind
{
    Null,
    Object,
    Array,
    String,
    Integer,
    Number,
    Boolean,
}
