using System.Text.Json.Nodes;
using Karmada.Patching.Schema;

namespace Karmada.Patching.ServerSideApply;

/// <summary>
/// Merges an applied configuration into a live object as structured-merge-diff's <c>TypedValue.Merge</c> does:
/// objects and granular maps merge field by field, keyed lists and sets merge item by item (keeping the live
/// order and placing applied items where the configuration puts them), atomic values are replaced. An explicit
/// <c>null</c> in the configuration removes the field.
/// </summary>
internal static class StructuredMerger
{
    public static JsonObject Merge(JsonObject live, JsonObject config, PatchMeta meta) =>
        (JsonObject)MergePresent(live, config, meta, FieldPath.Root)!;

    private static JsonNode? MergePresent(JsonNode? lhs, JsonNode? rhs, PatchMeta meta, FieldPath path)
    {
        if (lhs is JsonObject left && rhs is JsonObject right && !meta.IsAtomic && meta.Kind is not (PatchMetaKind.Scalar or PatchMetaKind.List))
        {
            var result = new JsonObject();
            foreach (var (name, value) in left)
            {
                if (!right.TryGetPropertyValue(name, out var applied))
                {
                    result[name] = value?.DeepClone();
                }
                else if (applied is not null)
                {
                    result[name] = MergePresent(value, applied, meta.Field(name), path.Append(PathElement.Field(name)));
                }
            }

            foreach (var (name, applied) in right)
            {
                if (applied is not null && !left.ContainsKey(name))
                {
                    result[name] = WithoutNulls(applied);
                }
            }

            return result;
        }

        if (lhs is JsonArray leftList && rhs is JsonArray rightList && !meta.IsAtomicList && (leftList.Count > 0 || rightList.Count > 0))
        {
            return MergeList(leftList, rightList, meta, path);
        }

        return WithoutNulls(rhs);
    }

    // structured-merge-diff's visitListItems: walk both lists, emitting live-only items in live order and
    // applied items in applied order, with items shared by both placed in the order the configuration gives them.
    private static JsonArray MergeList(JsonArray lhs, JsonArray rhs, PatchMeta meta, FieldPath path)
    {
        var rhsItems = ListItemIdentity.IdentifyAll(rhs, meta, strict: true, path);
        var lhsItems = ListItemIdentity.IdentifyAll(lhs, meta, strict: false, path);
        var observedRhs = new Dictionary<PathElement, JsonNode?>();
        foreach (var (element, item) in rhsItems)
        {
            observedRhs[element] = item;
        }

        var observedLhs = new Dictionary<PathElement, JsonNode?>();
        foreach (var (element, item) in lhsItems)
        {
            observedLhs.TryAdd(element, item);
        }

        var sharedOrder = new Queue<PathElement>(rhsItems.Select(i => i.Element).Where(observedLhs.ContainsKey));
        var nextShared = sharedOrder.Count > 0 ? sharedOrder.Dequeue() : null;
        var mergedRhs = new HashSet<PathElement>();
        var output = new JsonArray();
        int li = 0, ri = 0;
        while (li < lhsItems.Count || ri < rhsItems.Count)
        {
            if (li < lhsItems.Count && ri < rhsItems.Count)
            {
                var element = lhsItems[li].Element;
                if (element.Equals(rhsItems[ri].Element))
                {
                    mergedRhs.Add(element);
                    output.Add(MergeItem(observedLhs[element], observedRhs[element], meta.Items, path.Append(element)));
                    li++;
                    ri++;
                    nextShared = sharedOrder.Count > 0 ? sharedOrder.Dequeue() : null;
                    continue;
                }

                if (observedRhs.ContainsKey(element) && nextShared is not null && !nextShared.Equals(element))
                {
                    // A shared item, but not the next one the configuration wants: it is emitted when reached there.
                    li++;
                    continue;
                }
            }

            if (li < lhsItems.Count)
            {
                var element = lhsItems[li].Element;
                if (!observedRhs.ContainsKey(element))
                {
                    output.Add(lhsItems[li].Item?.DeepClone());
                    li++;
                    continue;
                }

                if (mergedRhs.Contains(element))
                {
                    li++;
                    continue;
                }
            }

            if (ri < rhsItems.Count)
            {
                var element = rhsItems[ri].Element;
                mergedRhs.Add(element);
                output.Add(observedLhs.TryGetValue(element, out var live)
                    ? MergeItem(live, observedRhs[element], meta.Items, path.Append(element))
                    : WithoutNulls(observedRhs[element]));
                ri++;
                if (nextShared is not null && nextShared.Equals(element))
                {
                    nextShared = sharedOrder.Count > 0 ? sharedOrder.Dequeue() : null;
                }
            }
        }

        return output;
    }

    private static JsonNode? MergeItem(JsonNode? live, JsonNode? applied, PatchMeta meta, FieldPath path) =>
        applied is null ? null : MergePresent(live, applied, meta, path);

    private static JsonNode? WithoutNulls(JsonNode? node)
    {
        var copy = node?.DeepClone();
        RemoveNulls(copy);
        return copy;
    }

    private static void RemoveNulls(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Where(p => p.Value is null).Select(p => p.Key).ToList())
                {
                    obj.Remove(name);
                }

                foreach (var (_, value) in obj)
                {
                    RemoveNulls(value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    RemoveNulls(item);
                }

                break;
            default:
                break;
        }
    }
}
