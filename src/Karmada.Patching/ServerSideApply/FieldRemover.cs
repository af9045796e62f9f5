using System.Text.Json.Nodes;
using Karmada.Json;
using Karmada.Patching.Schema;

namespace Karmada.Patching.ServerSideApply;

/// <summary>Removes owned paths from objects and expands sets the way upstream's pruning needs.</summary>
internal static class FieldRemover
{
    /// <summary>Removes each path (with everything below it) from <paramref name="root"/>.</summary>
    public static void Remove(JsonObject root, IEnumerable<FieldPath> paths, PatchMeta meta)
    {
        foreach (var path in paths.OrderBy(p => p.Count))
        {
            RemovePath(root, path, meta);
        }
    }

    /// <summary>
    /// structured-merge-diff's <c>EnsureNamedFieldsAreMembers</c>: adds every struct field on the way to a path,
    /// so that pruning sees a field as owned when anything under it is. Map keys and list items are not added.
    /// </summary>
    public static FieldSet ExpandNamedFields(IEnumerable<FieldPath> paths, PatchMeta rootMeta)
    {
        var result = new FieldSet();
        foreach (var path in paths)
        {
            result.Add(path);
            var meta = rootMeta;
            for (var i = 0; i < path.Count - 1; i++)
            {
                var element = path[i];
                if (element.Kind == PathElementKind.Field)
                {
                    if (meta.HasNamedFields)
                    {
                        result.Add(path.Prefix(i + 1));
                    }

                    meta = meta.Field(element.FieldName!);
                }
                else
                {
                    meta = meta.Items;
                }
            }
        }

        return result;
    }

    private static void RemovePath(JsonObject root, FieldPath path, PatchMeta meta)
    {
        if (path.Count == 0)
        {
            return;
        }

        JsonNode? node = root;
        for (var i = 0; i < path.Count - 1; i++)
        {
            if (node is null)
            {
                return;
            }

            var (next, nextMeta) = Step(node, path[i], meta);
            node = next;
            meta = nextMeta;
        }

        var last = path[^1];
        switch (node)
        {
            case JsonObject obj when last.Kind == PathElementKind.Field:
                obj.Remove(last.FieldName!);
                break;
            case JsonArray array when last.Kind != PathElementKind.Field:
                var index = Find(array, last, meta);
                if (index >= 0)
                {
                    array.RemoveAt(index);
                }

                break;
            default:
                break;
        }
    }

    private static (JsonNode? Node, PatchMeta Meta) Step(JsonNode node, PathElement element, PatchMeta meta)
    {
        if (element.Kind == PathElementKind.Field)
        {
            return (node as JsonObject)?[element.FieldName!] is { } child ? (child, meta.Field(element.FieldName!)) : (null, meta);
        }

        if (node is not JsonArray array)
        {
            return (null, meta);
        }

        var index = Find(array, element, meta);
        return index >= 0 ? (array[index], meta.Items) : (null, meta);
    }

    private static int Find(JsonArray array, PathElement element, PatchMeta listMeta)
    {
        if (element.Kind == PathElementKind.Index)
        {
            return element.Index < array.Count ? element.Index : -1;
        }

        for (var i = 0; i < array.Count; i++)
        {
            var identity = ListItemIdentity.Identify(array[i], i, listMeta, strict: false, FieldPath.Root);
            if (identity.Equals(element) || (element.Kind == PathElementKind.Value && JsonValueComparer.AreEqual(array[i], element.Value)))
            {
                return i;
            }
        }

        return -1;
    }
}
