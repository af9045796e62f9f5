using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Karmada.Patching.ServerSideApply;

/// <summary>
/// A set of field paths (structured-merge-diff's <c>fieldpath.Set</c>) and its FieldsV1 encoding: a trie whose
/// members are <c>f:</c>/<c>k:</c>/<c>v:</c>/<c>i:</c> names, <c>{}</c> for leaves and <c>".": {}</c> for a path
/// that is both owned itself and has owned children.
/// </summary>
internal sealed class FieldSet : IEnumerable<FieldPath>
{
    // Null while the set is known only by its canonical source: an entry a write leaves alone is then answered by
    // lookups in its FieldsV1 object (Contains, Intersect and Overlaps with a decoded set) and encoded as a copy of
    // it, and never decoded into paths at all. Anything else decodes it on first use.
    private HashSet<FieldPath>? _paths;

    // The FieldsV1 object the set was decoded from, kept only when it is exactly what ToFieldsV1 writes for the set:
    // most managers' entries come through an update unchanged, and copying their encoding is far cheaper than
    // rebuilding it. Any change to the set drops it.
    private JsonObject? _canonicalSource;

    // Set on sets decoded through DecodedFieldsCache: the paths (then shared with other decodes, copied before any
    // change) and the text of a canonical FieldsV1, encoded by parsing that text (a lazily materialised object)
    // rather than by copying a tree.
    private byte[]? _sharedText;

    public FieldSet()
    {
        _paths = [];
    }

    public FieldSet(IEnumerable<FieldPath> paths)
    {
        _paths = [.. paths];
    }

    private FieldSet(JsonObject canonicalSource)
    {
        _canonicalSource = canonicalSource;
    }

    public int Count => Paths.Count;

    // A canonical FieldsV1 object with any member holds at least one path (every leaf is one).
    public bool IsEmpty => _paths is null ? _canonicalSource!.Count == 0 : _paths.Count == 0;

    private HashSet<FieldPath> Paths
    {
        get
        {
            if (_paths is null)
            {
                var paths = new HashSet<FieldPath>();
                Read(_canonicalSource!, FieldPath.Root, paths);
                _paths = paths;
            }

            return _paths;
        }
    }

    public bool Add(FieldPath path)
    {
        if (_sharedText is not null)
        {
            _paths = [.. _paths!];
            _sharedText = null;
        }

        var paths = Paths;
        _canonicalSource = null;
        return paths.Add(path);
    }

    public bool Contains(FieldPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return _paths?.Contains(path) ?? SourceContains(_canonicalSource!, path);
    }

    /// <summary>Whether every path of <paramref name="other"/> is in this set.</summary>
    public bool ContainsAll(FieldSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this))
        {
            return true;
        }

        foreach (var path in other.Paths)
        {
            if (!Contains(path))
            {
                return false;
            }
        }

        return true;
    }

    public FieldSet Union(IEnumerable<FieldPath> other)
    {
        var result = new FieldSet(Paths);
        result._paths!.UnionWith(other);
        return result;
    }

    public FieldSet Except(IEnumerable<FieldPath> other)
    {
        var result = new FieldSet(Paths);
        result._paths!.ExceptWith(other);
        return result;
    }

    public FieldSet Intersect(IEnumerable<FieldPath> other)
    {
        if (other is FieldSet set)
        {
            // Walk the smaller set: a write changes a handful of the hundreds of fields a manager owns. A set still
            // in its FieldsV1 form is the one looked into.
            var (small, large) = Order(set);
            var common = new FieldSet();
            foreach (var path in small.Paths)
            {
                if (large.Contains(path))
                {
                    common._paths!.Add(path);
                }
            }

            return common;
        }

        var result = new FieldSet(Paths);
        result._paths!.IntersectWith(other);
        return result;
    }

    /// <summary>Whether the sets share a path.</summary>
    public bool Overlaps(FieldSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var (small, large) = Order(other);
        foreach (var path in small.Paths)
        {
            if (large.Contains(path))
            {
                return true;
            }
        }

        return false;
    }

    public FieldSet Where(Func<FieldPath, bool> predicate) => new(Paths.Where(predicate));

    /// <summary>The paths in upstream's iteration order.</summary>
    public IEnumerable<FieldPath> Sorted() => Paths.Order(Comparer<FieldPath>.Create(FieldPath.Compare));

    public IEnumerator<FieldPath> GetEnumerator() => Paths.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // The set to iterate and the set to look into: a set still in FieldsV1 form is looked into rather than decoded.
    private (FieldSet Small, FieldSet Large) Order(FieldSet other)
    {
        if (_paths is null && other._paths is not null)
        {
            return (other, this);
        }

        if (other._paths is null && _paths is not null)
        {
            return (this, other);
        }

        return other.Count < Count ? (other, this) : (this, other);
    }

    /// <summary>Encodes the set as a FieldsV1 object.</summary>
    public JsonObject ToFieldsV1()
    {
        if (_sharedText is { } text)
        {
            return JsonNode.Parse(text)!.AsObject();
        }

        var writer = FieldsV1Writer.Begin();
        if (_canonicalSource is { } source)
        {
            // The object it was decoded from, already materialised: written as text and parsed back, a copy costs
            // one small document instead of a tree.
            source.WriteTo(writer);
            return FieldsV1Writer.End(writer);
        }

        var root = new TrieNode();
        foreach (var path in Paths)
        {
            var node = root;
            foreach (var element in path.Elements)
            {
                if (!node.Children.TryGetValue(element, out var child))
                {
                    child = new TrieNode();
                    node.Children.Add(element, child);
                }

                node = child;
            }

            node.IsMember = true;
        }

        Write(writer, root, includeSelf: false);
        return FieldsV1Writer.End(writer);
    }

    /// <summary>Decodes a FieldsV1 object.</summary>
    /// <exception cref="FormatException">The object is not valid FieldsV1.</exception>
    public static FieldSet FromFieldsV1(JsonObject fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return DecodedFieldsCache.Decode(fields);
    }

    /// <inheritdoc cref="FromFieldsV1"/>
    internal static FieldSet FromFieldsV1Uncached(JsonObject fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (IsCanonical(fields, atRoot: true))
        {
            return new FieldSet(fields);
        }

        var set = new FieldSet();
        Read(fields, FieldPath.Root, set._paths!);
        return set;
    }

    /// <summary>
    /// A set that may be shared between threads and writes: <paramref name="source"/> (parsed from
    /// <paramref name="text"/>, private) canonical and every element shareable; otherwise null.
    /// </summary>
    /// <exception cref="FormatException">The object is not valid FieldsV1.</exception>
    internal static FieldSet? Shared(JsonObject source, byte[] text)
    {
        if (!IsCanonical(source, atRoot: true))
        {
            return null;
        }

        var paths = new HashSet<FieldPath>();
        Read(source, FieldPath.Root, paths);
        foreach (var path in paths)
        {
            foreach (var element in path.Elements)
            {
                if (!PathElement.IsShareable(element))
                {
                    return null;
                }
            }
        }

        return new FieldSet(source) { _paths = paths, _sharedText = text };
    }

    /// <summary>A set of its own over the paths of a <see cref="Shared"/> one: they are copied only if it changes.</summary>
    internal FieldSet Instance() => new(_canonicalSource!) { _paths = _paths, _sharedText = _sharedText };

    // Whether a FieldsV1 (sub)object is written exactly as Emit writes what it holds: "." first, only below the root,
    // only beside other members and empty; member names as the elements print; members in upstream's order. False
    // for anything malformed too (Read then reports it); element names that do not parse throw as Read would.
    private static bool IsCanonical(JsonObject fields, bool atRoot)
    {
        var first = true;
        PathElement? previous = null;
        for (var i = 0; i < fields.Count; i++)
        {
            var (name, value) = fields.GetAt(i);
            if (value is not JsonObject child)
            {
                return false;
            }

            if (name == ".")
            {
                if (!first || atRoot || fields.Count < 2 || child.Count != 0)
                {
                    return false;
                }

                first = false;
                continue;
            }

            var element = PathElement.Parse(name);
            if (!string.Equals(element.Text, name, StringComparison.Ordinal) || (previous is not null && previous.CompareTo(element) >= 0))
            {
                return false;
            }

            previous = element;
            first = false;
            if (child.Count > 0 && !IsCanonical(child, atRoot: false))
            {
                return false;
            }
        }

        return true;
    }

    // Membership read straight from a canonical FieldsV1 object: names there are the elements' texts, a leaf ({}) is
    // a member, and an inner node is one when it has ".".
    private static bool SourceContains(JsonObject source, FieldPath path)
    {
        if (path.Count == 0)
        {
            return false;
        }

        var node = source;
        foreach (var element in path.Elements)
        {
            if (!node.TryGetPropertyValue(element.Text, out var child) || child is not JsonObject next)
            {
                return false;
            }

            node = next;
        }

        return node.Count == 0 || node.ContainsKey(".");
    }

    // Adds the paths of a FieldsV1 (sub)object.
    private static void Read(JsonObject fields, FieldPath prefix, HashSet<FieldPath> paths)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            var (name, value) = fields.GetAt(i);
            if (name == ".")
            {
                if (prefix.Count > 0)
                {
                    paths.Add(prefix);
                }

                continue;
            }

            if (value is not JsonObject child)
            {
                throw new FormatException($"expected an object for {name}");
            }

            var element = PathElement.Parse(name);
            var path = prefix.Append(element);
            if (child.Count == 0)
            {
                paths.Add(path);
            }
            else
            {
                Read(child, path, paths);
            }
        }
    }

    private static void Write(Utf8JsonWriter writer, TrieNode node, bool includeSelf)
    {
        writer.WriteStartObject();
        if (includeSelf && node.IsMember && node.Children.Count > 0)
        {
            writer.WritePropertyName(".");
            writer.WriteStartObject();
            writer.WriteEndObject();
        }

        foreach (var (element, child) in node.Children)
        {
            writer.WritePropertyName(element.Text);
            if (child.Children.Count == 0)
            {
                writer.WriteStartObject();
                writer.WriteEndObject();
            }
            else
            {
                Write(writer, child, includeSelf: true);
            }
        }

        writer.WriteEndObject();
    }

    private sealed class TrieNode
    {
        public bool IsMember { get; set; }

        public SortedDictionary<PathElement, TrieNode> Children { get; } = [];
    }
}
