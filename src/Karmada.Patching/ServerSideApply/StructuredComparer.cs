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
internal static class StructuredComparer
{
    public static Comparison Compare(JsonObject lhs, JsonObject rhs, PatchMeta meta)
    {
        var walker = new Walker();
        walker.Walk(FieldPath.Root, new FieldSlot(true, lhs), new FieldSlot(true, rhs), meta);
        return new Comparison(walker.Added, walker.Modified, walker.Removed);
    }

    private sealed class Walker
    {
        public FieldSet Added { get; } = new();

        public FieldSet Modified { get; } = new();

        public FieldSet Removed { get; } = new();

        public void Walk(FieldPath path, FieldSlot lhs, FieldSlot rhs, PatchMeta meta)
        {
            if (!lhs.Present && !rhs.Present)
            {
                return;
            }

            if (FieldSlot.IsObjectPair(lhs.Value, rhs.Value) && !meta.IsAtomic && meta.Kind is not (PatchMetaKind.Scalar or PatchMetaKind.List))
            {
                var left = lhs.Value as JsonObject;
                var right = rhs.Value as JsonObject;
                if ((left?.Count ?? 0) == 0 && (right?.Count ?? 0) == 0)
                {
                    Leaf(path, lhs, rhs);
                    return;
                }

                foreach (var name in FieldNames(left, right, meta))
                {
                    var fieldMeta = meta.Field(name);
                    Walk(path.Append(PathElement.Field(name)), FieldSlot.Of(left, name, fieldMeta), FieldSlot.Of(right, name, fieldMeta), fieldMeta);
                }

                WholeNode(path, lhs, rhs);
                return;
            }

            if (FieldSlot.IsArrayPair(lhs.Value, rhs.Value) && !meta.IsAtomicList)
            {
                var left = lhs.Value as JsonArray ?? [];
                var right = rhs.Value as JsonArray ?? [];
                if (left.Count == 0 && right.Count == 0)
                {
                    Leaf(path, lhs, rhs);
                    return;
                }

                var leftItems = First(ListItemIdentity.IdentifyAll(left, meta, strict: false, path));
                var rightItems = First(ListItemIdentity.IdentifyAll(right, meta, strict: false, path));
                foreach (var element in leftItems.Keys.Concat(rightItems.Keys).Distinct())
                {
                    var l = leftItems.TryGetValue(element, out var li) ? new FieldSlot(true, li) : default;
                    var r = rightItems.TryGetValue(element, out var ri) ? new FieldSlot(true, ri) : default;
                    Walk(path.Append(element), l, r, meta.Items);
                }

                WholeNode(path, lhs, rhs);
                return;
            }

            Leaf(path, lhs, rhs);
        }

        private void Leaf(FieldPath path, FieldSlot lhs, FieldSlot rhs)
        {
            if (!lhs.Present)
            {
                Added.Add(path);
            }
            else if (!rhs.Present)
            {
                Removed.Add(path);
            }
            else if (!JsonValueComparer.AreEqual(lhs.Value, rhs.Value))
            {
                Modified.Add(path);
            }
        }

        // A composite value that appears or disappears entirely is recorded as well as its contents.
        private void WholeNode(FieldPath path, FieldSlot lhs, FieldSlot rhs)
        {
            if (path.Count == 0)
            {
                return;
            }

            if (!lhs.Present)
            {
                Added.Add(path);
            }
            else if (!rhs.Present)
            {
                Removed.Add(path);
            }
        }

        private static List<string> FieldNames(JsonObject? left, JsonObject? right, PatchMeta meta)
        {
            var names = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in (left?.Select(p => p.Key) ?? []).Concat(right?.Select(p => p.Key) ?? []))
            {
                if (seen.Add(name))
                {
                    names.Add(name);
                }
            }

            foreach (var (name, field) in meta.Fields)
            {
                if (field.AlwaysSerialized && seen.Add(name))
                {
                    names.Add(name);
                }
            }

            return names;
        }

        private static Dictionary<PathElement, JsonNode?> First(List<(PathElement Element, JsonNode? Item)> items)
        {
            var result = new Dictionary<PathElement, JsonNode?>();
            foreach (var (element, item) in items)
            {
                result.TryAdd(element, item);
            }

            return result;
        }
    }
}
