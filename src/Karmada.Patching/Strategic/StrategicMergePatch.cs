using System.Text.Json.Nodes;
using Karmada.Json;
using Karmada.Patching.Schema;

namespace Karmada.Patching.Strategic;

/// <summary>
/// Strategic merge patch (<c>application/strategic-merge-patch+json</c>) as kube-apiserver applies it
/// (apimachinery <c>strategicpatch.StrategicMergeMapPatch</c>): JSON merge patch, except that lists tagged
/// <c>patchStrategy:"merge"</c> are merged by their merge key (or by value for primitive lists), plus the
/// directives <c>$patch</c> (<c>replace</c>, <c>delete</c>, <c>merge</c>), <c>$setElementOrder/&lt;list&gt;</c>,
/// <c>$retainKeys</c> and <c>$deleteFromPrimitiveList/&lt;list&gt;</c>.
/// </summary>
public static class StrategicMergePatch
{
    internal const string DirectiveMarker = "$patch";
    internal const string DeleteDirective = "delete";
    internal const string ReplaceDirective = "replace";
    internal const string MergeDirective = "merge";
    internal const string RetainKeysDirective = "$retainKeys";
    internal const string DeleteFromPrimitiveListPrefix = "$deleteFromPrimitiveList";
    internal const string SetElementOrderPrefix = "$setElementOrder";

    private const string BadPrimitiveList = "invalid patch format of primitive list";
    private const string BadRetainKeys = "invalid patch format of retainKeys";
    private const string BadSetElementOrder = "invalid patch format of setElementOrder list";

    /// <summary>
    /// Applies <paramref name="patch"/> to <paramref name="original"/> using <paramref name="meta"/> (see
    /// <see cref="BuiltInPatchMeta"/>) to decide how each list merges. Neither argument is modified.
    /// </summary>
    /// <exception cref="PatchException">
    /// 400 for malformed directives, 422 for lists of lists, 500 (empty reason) for the other failures upstream
    /// does not classify, such as a list item without its merge key.
    /// </exception>
    public static JsonObject Apply(JsonObject original, JsonObject patch, PatchMeta meta)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(patch);
        ArgumentNullException.ThrowIfNull(meta);
        var result = MergeMap((JsonObject)original.DeepClone(), (JsonObject)patch.DeepClone(), meta);
        return result.Parent is null ? result : (JsonObject)result.DeepClone();
    }

    private static JsonObject MergeMap(JsonObject original, JsonObject patch, PatchMeta meta)
    {
        if (patch.TryGetPropertyValue(DirectiveMarker, out var directive))
        {
            switch (StringValue(directive))
            {
                case ReplaceDirective:
                    patch.Remove(DirectiveMarker);
                    return (JsonObject)AsDecoded(patch);
                case DeleteDirective:
                    return [];
                case MergeDirective:
                    // Upstream rejects "$patch: merge" inside a map; merging is the default, so it is accepted as a no-op.
                    patch.Remove(DirectiveMarker);
                    break;
                default:
                    throw PatchException.Internal($"unknown patch type: {GoValueFormat.Value(directive)} in map: {GoValueFormat.Value(patch)}");
            }
        }

        ApplyRetainKeys(original, patch);
        MergePatchIntoOriginal(original, patch, meta);

        foreach (var key in patch.Select(p => p.Key).ToList())
        {
            var patchValue = patch[key];
            var name = key;
            var isDeleteList = false;
            if (key.StartsWith(DeleteFromPrimitiveListPrefix, StringComparison.Ordinal))
            {
                name = ExtractKey(key, DeleteFromPrimitiveListPrefix);
                isDeleteList = true;
            }

            if (patchValue is null)
            {
                original.Remove(name);
                continue;
            }

            if (!original.TryGetPropertyValue(name, out var originalValue)
                || !JsonValues.IsSameJsonType(JsonValues.KindOf(originalValue), JsonValues.KindOf(patchValue)))
            {
                if (!isDeleteList)
                {
                    SetNewValue(original, name, patchValue);
                }

                continue;
            }

            var fieldMeta = meta.Field(name);
            switch (originalValue)
            {
                case JsonObject originalObject:
                    var merged = fieldMeta.ReplacesObject
                        ? AsDecoded(patchValue)
                        : MergeMap(originalObject, (JsonObject)patchValue, fieldMeta);

                    // Merging usually updates the original object in place; only a replacement is assigned.
                    if (!ReferenceEquals(merged, originalObject))
                    {
                        original[name] = Own(merged);
                    }

                    break;
                case JsonArray originalArray:
                    original[name] = MergeSliceHandler(originalArray, (JsonArray)patchValue, fieldMeta, isDeleteList);
                    break;
                default:
                    original[name] = Own(patchValue);
                    break;
            }
        }

        return original;
    }

    // A value absent from the original is taken from the patch, minus its nulls and directives.
    private static void SetNewValue(JsonObject original, string name, JsonNode patchValue)
    {
        DiscardNulls(patchValue);
        var (value, keep) = StripDirectives(patchValue);
        if (keep)
        {
            original[name] = Own(value);
        }
        else
        {
            original.Remove(name);
        }
    }

    private static JsonArray MergeSliceHandler(JsonArray original, JsonArray patch, PatchMeta meta, bool isDeleteList) =>
        MergeSliceHandler(original, patch, meta, isDeleteList, out _);

    // originalAfter is the live list as the caller's Go slice sees it after the merge (see SharedBacking).
    private static JsonArray MergeSliceHandler(
        JsonArray original, JsonArray patch, PatchMeta meta, bool isDeleteList, out List<JsonNode?> originalAfter)
    {
        // Deletion lists apply whatever the strategy of the field is.
        if (meta.MergesList || isDeleteList)
        {
            return MergeSlice(original, patch, meta, isDeleteList, out originalAfter);
        }

        originalAfter = original.ToList();
        return (JsonArray)Own(AsDecoded(patch))!;
    }

    private static JsonArray MergeSlice(
        JsonArray originalArray, JsonArray patchArray, PatchMeta meta, bool isDeleteList, out List<JsonNode?> originalAfter)
    {
        var original = originalArray.ToList();
        var patch = patchArray.ToList();
        originalAfter = original;
        if (original.Count == 0 && patch.Count == 0)
        {
            return (JsonArray)Own(originalArray)!;
        }

        var kind = ElementKind(original, patch);
        var mergeKey = meta.MergeKey ?? "";
        List<JsonNode?> merged;
        if (kind != JsonKind.Object)
        {
            if (isDeleteList)
            {
                return ToArray(original.Where(item => !patch.Any(deleted => JsonValueComparer.AreEqual(item, deleted))));
            }

            merged = DeduplicateScalars(original.Concat(patch));
        }
        else
        {
            if (mergeKey.Length == 0)
            {
                throw PatchException.Internal("cannot merge lists without merge key for type map");
            }

            var shared = new SharedBacking(original);
            (original, patch) = MergeSliceWithSpecialElements(shared, patch, mergeKey);
            merged = MergeSliceWithoutSpecialElements([.. original], patch, mergeKey, meta.Items, shared);
            originalAfter = shared.Items;
        }

        var (patchItems, serverOnly) = Partition(merged, patch, mergeKey, kind);
        return ToArray(NormalizeElementOrder(patchItems, serverOnly, patch, original, mergeKey, kind));
    }

    private static (List<JsonNode?> Original, List<JsonNode?> Patch) MergeSliceWithSpecialElements(
        SharedBacking original, List<JsonNode?> patch, string mergeKey)
    {
        var withoutSpecial = new List<JsonNode?>();
        var replace = false;
        foreach (var item in patch)
        {
            var element = (JsonObject)item!;
            if (!element.TryGetPropertyValue(DirectiveMarker, out var directive))
            {
                withoutSpecial.Add(item);
                continue;
            }

            switch (StringValue(directive))
            {
                case DeleteDirective:
                    if (!element.TryGetPropertyValue(mergeKey, out var deleted))
                    {
                        throw NoMergeKey(element, mergeKey);
                    }

                    int index;
                    while ((index = original.View.FindIndex(o => MatchesKey(o, mergeKey, deleted))) >= 0)
                    {
                        original.RemoveAt(index);
                    }

                    break;
                case ReplaceDirective:
                    replace = true;
                    break;
                case MergeDirective:
                    // Merging is what the list does anyway; an element carrying other fields still merges.
                    element.Remove(DirectiveMarker);
                    if (element.Count > 0)
                    {
                        withoutSpecial.Add(element);
                    }

                    break;
                default:
                    throw PatchException.Internal($"unknown patch type: {GoValueFormat.Value(directive)} in map: {GoValueFormat.Value(element)}");
            }
        }

        if (replace)
        {
            // "$patch: replace" makes the remaining patch items the whole list.
            original.Detach();
            return (withoutSpecial.Select(item => (JsonNode?)AsDecoded(item)).ToList(), []);
        }

        return ([.. original.View], withoutSpecial);
    }

    private static List<JsonNode?> MergeSliceWithoutSpecialElements(
        List<JsonNode?> original, List<JsonNode?> patch, string mergeKey, PatchMeta itemMeta, SharedBacking shared)
    {
        foreach (var item in patch)
        {
            var element = (JsonObject)item!;
            if (!element.TryGetPropertyValue(mergeKey, out var keyValue))
            {
                throw NoMergeKey(element, mergeKey);
            }

            var index = original.FindIndex(o => MatchesKey(o, mergeKey, keyValue));
            if (index >= 0)
            {
                original[index] = MergeMap((JsonObject)original[index]!, (JsonObject)element.DeepClone(), itemMeta);
                shared.Replace(original[index]!, index);
            }
            else
            {
                var added = AsDecoded(element.DeepClone());
                original.Add(added);
                shared.Append(added);
            }
        }

        return original;
    }

    /// <summary>Processes <c>$setElementOrder/&lt;list&gt;</c> together with the list it orders.</summary>
    private static void MergePatchIntoOriginal(JsonObject original, JsonObject patch, PatchMeta meta)
    {
        foreach (var key in patch.Select(p => p.Key).Where(k => k.StartsWith(SetElementOrderPrefix, StringComparison.Ordinal)).ToList())
        {
            var orderValue = patch[key];
            patch.Remove(key);
            if (orderValue is not JsonArray orderArray)
            {
                throw BadArgType("[]interface {}", orderValue);
            }

            var name = ExtractKey(key, SetElementOrderPrefix);
            var foundOriginal = original.TryGetPropertyValue(name, out var originalValue);
            var foundPatch = patch.TryGetPropertyValue(name, out var patchValue);
            if (foundOriginal && originalValue is not JsonArray)
            {
                throw BadArgType("[]interface {}", originalValue);
            }

            if (foundPatch && patchValue is not JsonArray)
            {
                throw BadArgType("[]interface {}", patchValue);
            }

            var fieldMeta = meta.Field(name);
            var mergeKey = fieldMeta.MergeKey ?? "";
            var order = orderArray.ToList();
            var originalItems = (originalValue as JsonArray)?.ToList() ?? [];
            var patchItemsIn = (patchValue as JsonArray)?.ToList() ?? [];
            ValidatePatchWithSetOrderList(patchItemsIn, order, mergeKey);

            List<JsonNode?> merged;
            if (foundOriginal && foundPatch)
            {
                merged = MergeSliceHandler((JsonArray)originalValue!, (JsonArray)patchValue!, fieldMeta, false, out originalItems).ToList();
            }
            else if (foundPatch)
            {
                merged = ((JsonArray)StripDirectives(patchValue).Value!).ToList();
            }
            else if (foundOriginal)
            {
                merged = originalItems;
            }
            else
            {
                continue;
            }

            var (inOrder, serverOnly) = Partition(merged, order, mergeKey, mergeKey.Length == 0 ? JsonKind.String : JsonKind.Object);
            var all = originalItems.Concat(patchItemsIn).ToList();
            if (all.Count == 0)
            {
                // Upstream fails here ("no elements in any of the given slices"); an empty list stays empty.
                original[name] = ToArray(merged);
                patch.Remove(name);
                continue;
            }

            var kind = ElementKind(originalItems, patchItemsIn);
            original[name] = ToArray(NormalizeElementOrder(inOrder, serverOnly, order, originalItems, mergeKey, kind));
            patch.Remove(name);
        }
    }

    // The items of the patch list must appear in the $setElementOrder list, in the same relative order.
    private static void ValidatePatchWithSetOrderList(List<JsonNode?> patch, List<JsonNode?> order, string mergeKey)
    {
        if (order.Count == 0 || patch.Count == 0)
        {
            return;
        }

        var nonDelete = mergeKey.Length > 0 ? ExtractToDeleteItems(patch).Keep : patch;
        int patchIndex = 0, orderIndex = 0;
        while (patchIndex < nonDelete.Count && orderIndex < order.Count)
        {
            if (nonDelete[patchIndex] is JsonObject withDirective && withDirective.ContainsKey(DirectiveMarker))
            {
                patchIndex++;
                continue;
            }

            if (MergeKeyValueEqual(nonDelete[patchIndex], order[orderIndex], mergeKey))
            {
                patchIndex++;
            }

            orderIndex++;
        }

        if (patchIndex < nonDelete.Count && orderIndex >= order.Count)
        {
            throw PatchException.Internal(
                $"The order in patch list:\n{GoValueFormat.Value(ToArray(patch))}\n doesn't match {SetElementOrderPrefix} list:\n{GoValueFormat.Value(ToArray(order))}\n");
        }
    }

    private static void ApplyRetainKeys(JsonObject original, JsonObject patch)
    {
        if (!patch.TryGetPropertyValue(RetainKeysDirective, out var retainValue))
        {
            return;
        }

        patch.Remove(RetainKeysDirective);
        if (retainValue is not JsonArray retainList)
        {
            throw PatchException.BadRequest(BadRetainKeys);
        }

        var retained = retainList
            .Where(v => JsonValues.KindOf(v) == JsonKind.String)
            .Select(v => v!.GetValue<string>())
            .ToHashSet(StringComparer.Ordinal);
        foreach (var (key, value) in patch)
        {
            if (value is null
                || key.StartsWith(DeleteFromPrimitiveListPrefix, StringComparison.Ordinal)
                || key.StartsWith(SetElementOrderPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            if (!retained.Contains(key))
            {
                throw PatchException.BadRequest(BadRetainKeys);
            }
        }

        foreach (var key in original.Select(p => p.Key).Where(k => !retained.Contains(k)).ToList())
        {
            original.Remove(key);
        }
    }

    private static string ExtractKey(string key, string prefix)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !key.AsSpan(0, slash).SequenceEqual(prefix))
        {
            throw PatchException.BadRequest(prefix == DeleteFromPrimitiveListPrefix ? BadPrimitiveList : BadSetElementOrder);
        }

        return key[(slash + 1)..];
    }

    private static List<JsonNode?> NormalizeElementOrder(
        List<JsonNode?> patch, List<JsonNode?> serverOnly, List<JsonNode?> patchOrder, List<JsonNode?> serverOrder, string mergeKey, JsonKind kind)
    {
        patch = NormalizeSliceOrder(patch, patchOrder, mergeKey, kind);
        serverOnly = NormalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind);
        return MergeSortedSlice(serverOnly, patch, serverOrder, mergeKey, kind);
    }

    private static List<JsonNode?> NormalizeSliceOrder(List<JsonNode?> toSort, List<JsonNode?> order, string mergeKey, JsonKind kind)
    {
        var toDelete = new List<JsonNode?>();
        if (kind == JsonKind.Object)
        {
            ValidateMergeKeyInLists(mergeKey, toSort, order);
            (toSort, toDelete) = ExtractToDeleteItems(toSort);
        }

        // Items the order list does not know keep their relative position at the end, as a stable sort does.
        var sorted = toSort
            .Select(item => (Item: item, Index: IndexOf(order, item, mergeKey, kind)))
            .OrderBy(x => x.Index < 0 ? int.MaxValue : x.Index)
            .Select(x => x.Item)
            .ToList();
        sorted.AddRange(toDelete);
        return sorted;
    }

    // Inserts the server-only items (left) among the patch items (right): a server-only item goes before a patch
    // item only when both are in the live list and it came first there. New patch items therefore come first.
    private static List<JsonNode?> MergeSortedSlice(List<JsonNode?> left, List<JsonNode?> right, List<JsonNode?> serverOrder, string mergeKey, JsonKind kind)
    {
        var result = new List<JsonNode?>(left.Count + right.Count);
        int i = 0, j = 0;
        while (i < left.Count || j < right.Count)
        {
            if (i >= left.Count)
            {
                result.Add(right[j++]);
            }
            else if (j >= right.Count)
            {
                result.Add(left[i++]);
            }
            else
            {
                var li = IndexOf(serverOrder, left[i], mergeKey, kind);
                var ri = IndexOf(serverOrder, right[j], mergeKey, kind);
                result.Add(li >= 0 && ri >= 0 && li < ri ? left[i++] : right[j++]);
            }
        }

        return result;
    }

    private static int IndexOf(List<JsonNode?> list, JsonNode? item, string mergeKey, JsonKind kind)
    {
        if (kind == JsonKind.Object)
        {
            var key = (item as JsonObject)?[mergeKey];
            return list.FindIndex(v => JsonValueComparer.AreEqual((v as JsonObject)?[mergeKey], key));
        }

        return list.FindIndex(v => JsonValueComparer.AreEqual(v, item));
    }

    private static (List<JsonNode?> PatchItems, List<JsonNode?> ServerOnly) Partition(
        List<JsonNode?> merged, List<JsonNode?> partitionBy, string mergeKey, JsonKind kind)
    {
        var inPatch = new List<JsonNode?>();
        var serverOnly = new List<JsonNode?>();
        foreach (var item in merged)
        {
            bool found;
            if (kind == JsonKind.Object && mergeKey.Length > 0)
            {
                if (item is not JsonObject element)
                {
                    throw BadArgType("map[string]interface {}", item);
                }

                if (!element.TryGetPropertyValue(mergeKey, out var keyValue))
                {
                    throw NoMergeKey(element, mergeKey);
                }

                found = partitionBy.Any(p => MatchesKey(p, mergeKey, keyValue));
            }
            else
            {
                found = partitionBy.Any(p => JsonValueComparer.AreEqual(p, item));
            }

            (found ? inPatch : serverOnly).Add(item);
        }

        return (inPatch, serverOnly);
    }

    private static (List<JsonNode?> Keep, List<JsonNode?> Delete) ExtractToDeleteItems(List<JsonNode?> items)
    {
        var keep = new List<JsonNode?>();
        var delete = new List<JsonNode?>();
        foreach (var item in items)
        {
            if (item is not JsonObject element)
            {
                throw BadArgType("map[string]interface {}", item);
            }

            (StringValue(element[DirectiveMarker]) == DeleteDirective ? delete : keep).Add(item);
        }

        return (keep, delete);
    }

    private static void ValidateMergeKeyInLists(string mergeKey, params List<JsonNode?>[] lists)
    {
        foreach (var list in lists)
        {
            foreach (var item in list)
            {
                if (item is not JsonObject element)
                {
                    throw BadArgType("map[string]interface {}", item);
                }

                if (!element.ContainsKey(mergeKey))
                {
                    throw NoMergeKey(element, mergeKey);
                }
            }
        }
    }

    private static bool MergeKeyValueEqual(JsonNode? left, JsonNode? right, string mergeKey)
    {
        if (mergeKey.Length == 0)
        {
            return JsonValueComparer.AreEqual(left, right);
        }

        if (left is not JsonObject l)
        {
            throw BadArgType("map[string]interface {}", left);
        }

        if (right is not JsonObject r)
        {
            throw BadArgType("map[string]interface {}", right);
        }

        if (!l.TryGetPropertyValue(mergeKey, out var lk))
        {
            throw NoMergeKey(l, mergeKey);
        }

        if (!r.TryGetPropertyValue(mergeKey, out var rk))
        {
            throw NoMergeKey(r, mergeKey);
        }

        return JsonValueComparer.AreEqual(lk, rk);
    }

    private static bool MatchesKey(JsonNode? item, string mergeKey, JsonNode? keyValue)
    {
        if (item is not JsonObject element)
        {
            throw PatchException.Internal("value for key is not a map");
        }

        return element.TryGetPropertyValue(mergeKey, out var candidate) && JsonValueComparer.AreEqual(candidate, keyValue);
    }

    // All items of both lists must have the same JSON type, which cannot be a list.
    private static JsonKind ElementKind(List<JsonNode?> first, List<JsonNode?> second)
    {
        JsonKind? kind = null;
        foreach (var item in first.Concat(second))
        {
            var current = JsonValues.KindOf(item);
            if (kind is null)
            {
                if (current == JsonKind.Array)
                {
                    throw PatchException.Invalid("lists of lists are not supported");
                }
            }
            else if (!JsonValues.IsSameJsonType(kind.Value, current))
            {
                throw PatchException.Internal(
                    $"list element types are not identical: [{GoValueFormat.Value(ToArray(first))} {GoValueFormat.Value(ToArray(second))}]");
            }

            kind = current;
        }

        return kind ?? throw PatchException.Internal("no elements in any of the given slices");
    }

    private static List<JsonNode?> DeduplicateScalars(IEnumerable<JsonNode?> items)
    {
        var result = new List<JsonNode?>();
        foreach (var item in items)
        {
            if (!result.Any(r => JsonValueComparer.AreEqual(r, item)))
            {
                result.Add(item);
            }
        }

        return result;
    }

    /// <summary>
    /// Upstream's <c>removeDirectives</c>, used for values absent from the original: an object carrying
    /// <c>$patch</c> is dropped. Other directive keys are dropped too (upstream leaves them for the typed decoding
    /// to discard).
    /// </summary>
    internal static (JsonNode? Value, bool Keep) StripDirectives(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj.ContainsKey(DirectiveMarker))
                {
                    return (null, false);
                }

                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (IsDirectiveKey(key))
                    {
                        obj.Remove(key);
                        continue;
                    }

                    var (value, keep) = StripDirectives(obj[key]);
                    if (!keep)
                    {
                        obj.Remove(key);
                    }
                    else if (!ReferenceEquals(value, obj[key]))
                    {
                        obj[key] = Own(value);
                    }
                }

                return (obj, true);
            case JsonArray array:
                for (var i = array.Count - 1; i >= 0; i--)
                {
                    if (!StripDirectives(array[i]).Keep)
                    {
                        array.RemoveAt(i);
                    }
                }

                return (array, true);
            default:
                return (node, true);
        }
    }

    /// <summary>
    /// What a patch value taken verbatim becomes once kube-apiserver decodes the result into the Go type: directive
    /// keys are unknown fields and disappear, nulls become zero values that are not serialized.
    /// </summary>
    private static JsonNode AsDecoded(JsonNode? node)
    {
        DiscardNulls(node);
        DropDirectiveKeys(node);
        return node!;
    }

    private static void DropDirectiveKeys(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).Where(IsDirectiveKey).ToList())
                {
                    obj.Remove(key);
                }

                foreach (var (_, value) in obj)
                {
                    DropDirectiveKeys(value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    DropDirectiveKeys(item);
                }

                break;
            default:
                break;
        }
    }

    private static bool IsDirectiveKey(string key) =>
        key == DirectiveMarker
        || key == RetainKeysDirective
        || key.StartsWith(SetElementOrderPrefix, StringComparison.Ordinal)
        || key.StartsWith(DeleteFromPrimitiveListPrefix, StringComparison.Ordinal);

    private static void DiscardNulls(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Where(p => p.Value is null).Select(p => p.Key).ToList())
                {
                    obj.Remove(key);
                }

                foreach (var (_, value) in obj)
                {
                    DiscardNulls(value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    DiscardNulls(item);
                }

                break;
            default:
                break;
        }
    }

    private static string? StringValue(JsonNode? node) =>
        JsonValues.KindOf(node) == JsonKind.String ? node!.GetValue<string>() : null;

    // Nodes already attached elsewhere are copied: a JsonNode can have only one parent.
    private static JsonNode? Own(JsonNode? node) => node?.Parent is null ? node : node.DeepClone();

    private static JsonArray ToArray(IEnumerable<JsonNode?> items) => new([.. items.Select(Own)]);

    private static PatchException NoMergeKey(JsonObject element, string mergeKey) =>
        PatchException.Internal($"map: {GoValueFormat.Value(element)} does not contain declared merge key: {mergeKey}");

    private static PatchException BadArgType(string expected, JsonNode? actual) =>
        PatchException.Internal($"expected a {expected}, but received a {GoValueFormat.TypeName(actual)}");
    /// <summary>
    /// Models the Go slice upstream merges a live list in: deleting an item shifts the rest left inside the same
    /// backing array and appending reuses the freed slots, so the caller's untouched slice header sees the appended
    /// items where deleted ones were. Upstream orders the <c>$setElementOrder</c> result by that view, so the
    /// model is needed to reproduce its ordering. The live list is decoded with capacity equal to its length.
    /// </summary>
    private sealed class SharedBacking(List<JsonNode?> items)
    {
        private readonly JsonNode?[] _backing = [.. items];
        private readonly List<JsonNode?> _view = [.. items];
        private bool _detached;

        /// <summary>The current slice (after deletions).</summary>
        public List<JsonNode?> View => _view;

        /// <summary>The backing array as seen through the caller's original slice header.</summary>
        public List<JsonNode?> Items => [.. _backing];

        public void RemoveAt(int index)
        {
            _view.RemoveAt(index);
            Array.Copy(_backing, index + 1, _backing, index, _view.Count - index);
        }

        public void Replace(JsonNode value, int index)
        {
            if (!_detached && index < _backing.Length)
            {
                _backing[index] = value;
            }
        }

        public void Append(JsonNode? value)
        {
            // An append beyond the capacity reallocates, after which the original array is no longer written.
            if (!_detached && _view.Count < _backing.Length)
            {
                _backing[_view.Count] = value;
            }
            else
            {
                _detached = true;
            }

            _view.Add(value);
        }

        public void Detach() => _detached = true;
    }
}
