namespace Karmada.Protobuf.Decoding;

/// <summary>
/// Orders strings by their UTF-8 bytes, which is how Go's encoding/json sorts map keys;
/// ordinal UTF-16 order differs for characters beyond the Basic Multilingual Plane.
/// </summary>
internal sealed class Utf8OrderComparer : IComparer<string>
{
    public static readonly Utf8OrderComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var left = x.EnumerateRunes();
        var right = y.EnumerateRunes();
        while (true)
        {
            var hasLeft = left.MoveNext();
            var hasRight = right.MoveNext();
            if (!hasLeft || !hasRight)
            {
                return hasLeft ? 1 : hasRight ? -1 : 0;
            }

            // UTF-8 preserves code point order, so comparing scalar values equals comparing bytes.
            var compared = left.Current.Value.CompareTo(right.Current.Value);
            if (compared != 0)
            {
                return compared;
            }
        }
    }
}
