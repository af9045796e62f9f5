using System.Text.Json.Nodes;
using Karmada.Patching.Schema;

namespace Karmada.Patching.ServerSideApply;

/// <summary>
/// The set of fields an object (an applied configuration) specifies, as structured-merge-diff's
/// <c>ToFieldSet</c>: scalars, list items, map entries, atomic values and empty or null struct fields. A struct
/// field with content is owned only through that content, so it appears in FieldsV1 without a <c>.</c> entry.
/// </summary>
internal static class FieldSetBuilder
{
    /// <exception cref="SchemaViolationException">A keyed list has duplicate or unidentifiable items.</exception>
    public static FieldSet Build(JsonObject root, PatchMeta meta)
    {
        var set = new FieldSet();
        Visit(FieldPath.Root, root, meta, set);
        return set;
    }

    private static void Visit(FieldPath path, JsonNode? value, PatchMeta meta, FieldSet set)
    {
        switch (value)
        {
            case JsonObject obj:
                if (meta.IsAtomic || meta.Kind is PatchMetaKind.Scalar or PatchMetaKind.List)
                {
                    set.Add(path);
                    return;
                }

                foreach (var (name, child) in obj)
                {
                    var childPath = path.Append(PathElement.Field(name));
                    Visit(childPath, child, meta.Field(name), set);
                    if (child is null || child is JsonObject { Count: 0 } || !meta.HasNamedFields)
                    {
                        set.Add(childPath);
                    }
                }

                return;
            case JsonArray array:
                if (meta.IsAtomicList)
                {
                    set.Add(path);
                    return;
                }

                foreach (var (element, item) in ListItemIdentity.IdentifyAll(array, meta, strict: true, path))
                {
                    var itemPath = path.Append(element);
                    Visit(itemPath, item, meta.Items, set);
                    set.Add(itemPath);
                }

                return;
            default:
                if (path.Count > 0)
                {
                    set.Add(path);
                }

                return;
        }
    }
}
