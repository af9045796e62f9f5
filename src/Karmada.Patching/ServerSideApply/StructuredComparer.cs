using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Karmada.Json;
using Karmada.Patching.Schema;

namespace Karmada.Patching.ServerSideApply;

/// <summary>
/// Compares two versions of an object as structured-merge-diff's <c>TypedValue.Compare</c> does: leaves (scalars,
/// atomic values, empty objects or lists) are added, modified or removed; an object, map or keyed list that
/// appears or disappears as a whole is itself added or removed, which is what puts <c>.</c> entries in
/// <c>Update</c> managed fields.
/// </summary>
/// <remarks>
/// Runs on every update the API server takes, so the walk keeps the current path as a stack of segments and only
/// materialises a <see cref="FieldPath"/> for a path it records: unchanged fields cost no allocation.
/// </remarks>
internal static class StructuredComparer
{
    public static Comparison Compare(JsonObject lhs, JsonObject rhs, PatchMeta meta) =>
        Compare(lhs, rhs, meta, scope: null, ignoreManagedFields: false);

    /// <summary>
    /// Compares only what <paramref name="scope"/> tracks (the same result as filtering the whole comparison with
    /// <see cref="ManagedFieldsScope.Tracks"/>, without walking the untracked part); with
    /// <paramref name="ignoreManagedFields"/>, <c>metadata.managedFields</c> is left out on both sides, as if removed.
    /// </summary>
    public static Comparison Compare(JsonObject lhs, JsonObject rhs, PatchMeta meta, ManagedFieldsScope? scope, bool ignoreManagedFields)
    {
        var walker = new Walker(scope, ignoreManagedFields);
        walker.Walk(new FieldSlot(true, lhs), new FieldSlot(true, rhs), meta);
        return new Comparison(walker.Added, walker.Modified, walker.Removed);
    }

    private sealed class Walker(ManagedFieldsScope? scope, bool ignoreManagedFields)
    {
        // The current path: a field segment keeps its name and gets its element only when a path through it is recorded.
        private readonly List<Segment> _path = [];

        public FieldSet Added { get; } = new();

        public FieldSet Modified { get; } = new();

        public FieldSet Removed { get; } = new();

        public void Walk(FieldSlot lhs, FieldSlot rhs, PatchMeta meta)
        {
            if (!lhs.Present && !rhs.Present)
            {
                return;
            }

            // An unchanged list or top-level field has nothing to record; skipping it saves identifying every item
            // on both sides. Exact equality implies the walk's (numbers equal by value, keys printed the same).
            if (lhs.Present && rhs.Present && (lhs.Value is JsonArray || (lhs.Value is JsonObject && _path.Count == 1)) && JsonNode.DeepEquals(lhs.Value, rhs.Value))
            {
                return;
            }

            if (FieldSlot.IsObjectPair(lhs.Value, rhs.Value) && !meta.IsAtomic && meta.Kind is not (PatchMetaKind.Scalar or PatchMetaKind.List))
            {
                var left = lhs.Value as JsonObject;
                var right = rhs.Value as JsonObject;
                if ((left?.Count ?? 0) == 0 && (right?.Count ?? 0) == 0)
                {
                    Leaf(lhs, rhs);
                    return;
                }

                WalkFields(left, right, meta);
                WholeNode(lhs, rhs);
                return;
            }

            if (FieldSlot.IsArrayPair(lhs.Value, rhs.Value) && !meta.IsAtomicList)
            {
                var left = lhs.Value as JsonArray ?? [];
                var right = rhs.Value as JsonArray ?? [];
                if (left.Count == 0 && right.Count == 0)
                {
                    Leaf(lhs, rhs);
                    return;
                }

                // Lenient identification never throws, so it needs no path for its messages.
                var leftItems = First(ListItemIdentity.IdentifyAll(left, meta, strict: false, FieldPath.Root));
                var rightItems = First(ListItemIdentity.IdentifyAll(right, meta, strict: false, FieldPath.Root));
                foreach (var (element, item) in leftItems)
                {
                    var r = rightItems.TryGetValue(element, out var ri) ? new FieldSlot(true, ri) : default;
                    WalkChild(new Segment(null, element), new FieldSlot(true, item), r, meta.Items);
                }

                foreach (var (element, item) in rightItems)
                {
                    if (!leftItems.ContainsKey(element))
                    {
                        WalkChild(new Segment(null, element), default, new FieldSlot(true, item), meta.Items);
                    }
                }

                WholeNode(lhs, rhs);
                return;
            }

            Leaf(lhs, rhs);
        }

        // Left names in order, then names only the right has, then always-serialized names neither has: the order the
        // original walk visited them in (it does not change the result, only which duplicate is seen first).
        private void WalkFields(JsonObject? left, JsonObject? right, PatchMeta meta)
        {
            if (left is not null)
            {
                for (var i = 0; i < left.Count; i++)
                {
                    WalkField(left, right, left.GetAt(i).Key, meta);
                }
            }

            if (right is not null)
            {
                for (var i = 0; i < right.Count; i++)
                {
                    var name = right.GetAt(i).Key;
                    if (left is null || !left.ContainsKey(name))
                    {
                        WalkField(left, right, name, meta);
                    }
                }
            }

            foreach (var (name, field) in meta.Fields)
            {
                if (field.AlwaysSerialized && (left is null || !left.ContainsKey(name)) && (right is null || !right.ContainsKey(name)))
                {
                    WalkField(left, right, name, meta);
                }
            }
        }

        private void WalkField(JsonObject? left, JsonObject? right, string name, PatchMeta meta)
        {
            if (_path.Count == 0 && scope is not null && !scope.TracksRootField(name))
            {
                return;
            }

            if (ignoreManagedFields && _path.Count == 1 && name == "managedFields" && _path[0].Name == "metadata")
            {
                return;
            }

            var fieldMeta = meta.Field(name);
            WalkChild(new Segment(name, null), FieldSlot.Of(left, name, fieldMeta), FieldSlot.Of(right, name, fieldMeta), fieldMeta);
        }

        private void WalkChild(Segment segment, FieldSlot lhs, FieldSlot rhs, PatchMeta meta)
        {
            _path.Add(segment);
            Walk(lhs, rhs, meta);
            _path.RemoveAt(_path.Count - 1);
        }

        private void Leaf(FieldSlot lhs, FieldSlot rhs)
        {
            if (!lhs.Present)
            {
                Record(Added);
            }
            else if (!rhs.Present)
            {
                Record(Removed);
            }
            else if (!JsonValueComparer.AreEqual(lhs.Value, rhs.Value))
            {
                Record(Modified);
            }
        }

        // A composite value that appears or disappears entirely is recorded as well as its contents.
        private void WholeNode(FieldSlot lhs, FieldSlot rhs)
        {
            if (_path.Count == 0)
            {
                return;
            }

            if (!lhs.Present)
            {
                Record(Added);
            }
            else if (!rhs.Present)
            {
                Record(Removed);
            }
        }

        private void Record(FieldSet set)
        {
            if (_path.Count == 0)
            {
                if (scope is null || scope.Tracks(FieldPath.Root))
                {
                    set.Add(FieldPath.Root);
                }

                return;
            }

            var segments = CollectionsMarshal.AsSpan(_path);
            var elements = new PathElement[segments.Length];
            for (var i = 0; i < segments.Length; i++)
            {
                // Siblings share their parents' elements: each is made once per walk.
                segments[i].Element ??= PathElement.Field(segments[i].Name!);
                elements[i] = segments[i].Element!;
            }

            set.Add(FieldPath.FromElements(ImmutableCollectionsMarshal.AsImmutableArray(elements)));
        }

        private static Dictionary<PathElement, JsonNode?> First(List<(PathElement Element, JsonNode? Item)> items)
        {
            var result = new Dictionary<PathElement, JsonNode?>(items.Count);
            foreach (var (element, item) in items)
            {
                result.TryAdd(element, item);
            }

            return result;
        }
    }

    private struct Segment(string? name, PathElement? element)
    {
        public readonly string? Name = name;

        public PathElement? Element = element;
    }
}
