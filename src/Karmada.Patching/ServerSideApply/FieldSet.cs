using System.Collections;
using System.Text.Json.Nodes;

namespace Karmada.Patching.ServerSideApply;

/// <summary>
/// A set of field paths (structured-merge-diff's <c>fieldpath.Set</c>) and its FieldsV1 encoding: a trie whose
/// members are <c>f:</c>/<c>k:</c>/<c>v:</c>/<c>i:</c> names, <c>{}</c> for leaves and <c>".": {}</c> for a path
/// that is both owned itself and has owned children.
/// </summary>
internal sealed class FieldSet : IEnumerable<FieldPath>
{
    private readonly HashSet<FieldPath> _paths;

    // The FieldsV1 object the set was decoded from, kept only when it is exactly what ToFieldsV1 writes for the set:
    // most managers' entries come through an update unchanged, and copying their encoding is far cheaper than
    // rebuilding it. Any change to the set drops it.
    private JsonObject? _canonicalSource;

    public FieldSet()
    {
        _paths = [];
    }

    public FieldSet(IEnumerable<FieldPath> paths)
    {
        _paths = [.. paths];
    }

    public int Count => _paths.Count;

    public bool IsEmpty => _paths.Count == 0;

    public bool Add(FieldPath path)
    {
        _canonicalSource = null;
        return _paths.Add(path);
    }

    public bool Contains(FieldPath path) => _paths.Contains(path);

    public FieldSet Union(IEnumerable<FieldPath> other)
    {
        var result = new FieldSet(_paths);
        result._paths.UnionWith(other);
        return result;
    }

    public FieldSet Except(IEnumerable<FieldPath> other)
    {
        var result = new FieldSet(_paths);
        result._paths.ExceptWith(other);
        return result;
    }

    public FieldSet Intersect(IEnumerable<FieldPath> other)
    {
        if (other is FieldSet set)
        {
            // Walk the smaller set: a write changes a handful of the hundreds of fields a manager owns.
            var (small, large) = set.Count < Count ? (set, this) : (this, set);
            var common = new FieldSet();
            foreach (var path in small._paths)
            {
                if (large._paths.Contains(path))
                {
                    common._paths.Add(path);
                }
            }

            return common;
        }

        var result = new FieldSet(_paths);
        result._paths.IntersectWith(other);
        return result;
    }

    /// <summary>Whether the sets share a path.</summary>
    public bool Overlaps(FieldSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var (small, large) = other.Count < Count ? (other, this) : (this, other);
        foreach (var path in small._paths)
        {
            if (large._paths.Contains(path))
            {
                return true;
            }
        }

        return false;
    }

    public FieldSet Where(Func<FieldPath, bool> predicate) => new(_paths.Where(predicate));

    /// <summary>The paths in upstream's iteration order.</summary>
    public IEnumerable<FieldPath> Sorted() => _paths.Order(Comparer<FieldPath>.Create(FieldPath.Compare));

    public IEnumerator<FieldPath> GetEnumerator() => _paths.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Encodes the set as a FieldsV1 object.</summary>
    public JsonObject ToFieldsV1()
    {
        if (_canonicalSource is { } source)
        {
            return (JsonObject)source.DeepClone();
        }

        var root = new TrieNode();
        foreach (var path in _paths)
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

        return Emit(root, includeSelf: false);
    }

    /// <summary>Decodes a FieldsV1 object.</summary>
    /// <exception cref="FormatException">The object is not valid FieldsV1.</exception>
    public static FieldSet FromFieldsV1(JsonObject fields)
    {
        var set = new FieldSet();
        if (Read(fields, FieldPath.Root, set))
        {
            set._canonicalSource = fields;
        }

        return set;
    }

    // Adds the paths of a FieldsV1 (sub)object; returns whether it is written exactly as Emit writes what it holds:
    // "." first, only below the root, only beside other members and empty; member names as the elements print;
    // members in upstream's order.
    private static bool Read(JsonObject fields, FieldPath prefix, FieldSet set)
    {
        var canonical = true;
        var first = true;
        PathElement? previous = null;
        foreach (var (name, value) in fields)
        {
            if (name == ".")
            {
                canonical &= first && prefix.Count > 0 && fields.Count > 1 && value is JsonObject { Count: 0 };
                if (prefix.Count > 0)
                {
                    set._paths.Add(prefix);
                }

                first = false;
                continue;
            }

            if (value is not JsonObject child)
            {
                throw new FormatException($"expected an object for {name}");
            }

            var element = PathElement.Parse(name);
            canonical &= string.Equals(element.Text, name, StringComparison.Ordinal) && (previous is null || previous.CompareTo(element) < 0);
            previous = element;
            first = false;
            var path = prefix.Append(element);
            if (child.Count == 0)
            {
                set._paths.Add(path);
            }
            else
            {
                canonical &= Read(child, path, set);
            }
        }

        return canonical;
    }

    private static JsonObject Emit(TrieNode node, bool includeSelf)
    {
        var result = new JsonObject();
        if (includeSelf && node.IsMember && node.Children.Count > 0)
        {
            result["."] = new JsonObject();
        }

        foreach (var (element, child) in node.Children)
        {
            result[element.Text] = child.Children.Count == 0 ? new JsonObject() : Emit(child, includeSelf: true);
        }

        return result;
    }

    private sealed class TrieNode
    {
        public bool IsMember { get; set; }

        public SortedDictionary<PathElement, TrieNode> Children { get; } = [];
    }
}
