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

    public bool Add(FieldPath path) => _paths.Add(path);

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
        var result = new FieldSet(_paths);
        result._paths.IntersectWith(other);
        return result;
    }

    public FieldSet Where(Func<FieldPath, bool> predicate) => new(_paths.Where(predicate));

    /// <summary>The paths in upstream's iteration order.</summary>
    public IEnumerable<FieldPath> Sorted() => _paths.Order(Comparer<FieldPath>.Create(FieldPath.Compare));

    public IEnumerator<FieldPath> GetEnumerator() => _paths.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Encodes the set as a FieldsV1 object.</summary>
    public JsonObject ToFieldsV1()
    {
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
        Read(fields, FieldPath.Root, set);
        return set;
    }

    private static void Read(JsonObject fields, FieldPath prefix, FieldSet set)
    {
        foreach (var (name, value) in fields)
        {
            if (name == ".")
            {
                if (prefix.Count > 0)
                {
                    set.Add(prefix);
                }

                continue;
            }

            if (value is not JsonObject child)
            {
                throw new FormatException($"expected an object for {name}");
            }

            var path = prefix.Append(PathElement.Parse(name));
            if (child.Count == 0)
            {
                set.Add(path);
            }
            else
            {
                Read(child, path, set);
            }
        }
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
