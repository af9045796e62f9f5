using System.Text.Json.Nodes;

namespace Karmada.Client.Informers;

/// <summary>Index functions for informers of <see cref="JsonObject"/> (see <see cref="Indexer{T}.AddIndex"/>).</summary>
public static class JsonIndexers
{
    /// <summary>Conventional index name for <see cref="ByNamespace"/>.</summary>
    public const string NamespaceIndex = "namespace";

    /// <summary>Conventional index name for <see cref="ByOwnerUid"/>.</summary>
    public const string OwnerUidIndex = "owner-uid";

    /// <summary>Indexes by <c>metadata.namespace</c> (cluster-scoped objects are not indexed).</summary>
    public static IEnumerable<string> ByNamespace(JsonObject obj) =>
        JsonObjectMeta.GetNamespace(obj) is { Length: > 0 } ns ? [ns] : [];

    /// <summary>Indexes by the value of one label (objects without it are not indexed).</summary>
    public static Func<JsonObject, IEnumerable<string>> ByLabel(string labelKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(labelKey);
        return obj => JsonObjectMeta.GetLabel(obj, labelKey) is { } value ? [value] : [];
    }

    /// <summary>Indexes by the uid of every owner reference.</summary>
    public static IEnumerable<string> ByOwnerUid(JsonObject obj)
    {
        foreach (var owner in JsonObjectMeta.GetOwnerReferences(obj))
        {
            if (owner["uid"] is JsonValue uid && uid.TryGetValue<string>(out var text))
            {
                yield return text;
            }
        }
    }
}
