using System.Collections.Immutable;

namespace Karmada.Patching.ServerSideApply;

/// <summary>An immutable path from the object root to a field or list item.</summary>
internal sealed class FieldPath : IEquatable<FieldPath>
{
    private readonly int _hash;

    private FieldPath(ImmutableArray<PathElement> elements)
    {
        Elements = elements;
        var hash = new HashCode();
        foreach (var element in elements)
        {
            hash.Add(element);
        }

        _hash = hash.ToHashCode();
    }

    public static FieldPath Root { get; } = new([]);

    public ImmutableArray<PathElement> Elements { get; }

    public int Count => Elements.Length;

    public PathElement this[int index] => Elements[index];

    public static FieldPath Of(params PathElement[] elements) => new([.. elements]);

    /// <summary>A path over <paramref name="elements"/>, which the caller hands over (no copy is made).</summary>
    public static FieldPath FromElements(ImmutableArray<PathElement> elements) => new(elements);

    public FieldPath Append(PathElement element) => new(Elements.Add(element));

    public FieldPath Prefix(int length) => length == Count ? this : new(Elements[..length]);

    public bool StartsWith(FieldPath prefix)
    {
        if (prefix.Count > Count)
        {
            return false;
        }

        for (var i = 0; i < prefix.Count; i++)
        {
            if (!Elements[i].Equals(prefix.Elements[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The path as upstream prints it in conflict messages, e.g. <c>.spec.containers[name="x"].image</c>.</summary>
    public override string ToString() => string.Concat(Elements.Select(e => e.ToString()));

    public bool Equals(FieldPath? other) =>
        other is not null && _hash == other._hash && Elements.AsSpan().SequenceEqual(other.Elements.AsSpan());

    public override bool Equals(object? obj) => Equals(obj as FieldPath);

    public override int GetHashCode() => _hash;

    /// <summary>Orders paths element by element, shorter prefixes first (the order upstream iterates a set in).</summary>
    public static int Compare(FieldPath left, FieldPath right)
    {
        for (var i = 0; i < Math.Min(left.Count, right.Count); i++)
        {
            var c = left.Elements[i].CompareTo(right.Elements[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return left.Count.CompareTo(right.Count);
    }
}
