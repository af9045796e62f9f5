using Karmada.Client;
using Karmada.Client.Informers;
using Karmada.Controllers.BindingStatus;

namespace Karmada.Controllers.Eviction;

/// <summary>
/// An index of a binding informer by the clusters in <c>spec.clusters</c> (upstream's
/// <c>ResourceBindingIndexByFieldCluster</c>), so a Cluster's taint change finds its bindings without a scan.
/// </summary>
public static class BindingsByCluster
{
    private const string IndexName = "spec.clusters";

    /// <summary>The keys of the bindings scheduled to <paramref name="cluster"/>.</summary>
    public static IEnumerable<ObjectKey> KeysOf<TBinding>(BindingKind<TBinding> kind, SharedInformer<TBinding> bindings, string cluster)
        where TBinding : class
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(bindings);
        Ensure(kind, bindings.Indexer);
        return bindings.Indexer.ByIndex(IndexName, cluster).Select(kind.Accessor.GetKey);
    }

    /// <summary>Adds (once) the index; safe when several controllers share the informer.</summary>
    public static void Ensure<TBinding>(BindingKind<TBinding> kind, Indexer<TBinding> indexer)
        where TBinding : class
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(indexer);
        if (indexer.HasIndex(IndexName))
        {
            return;
        }

        try
        {
            indexer.AddIndex(IndexName, b => kind.Spec(b).Clusters.Select(c => c.Name).Distinct(StringComparer.Ordinal));
        }
        catch (InvalidOperationException) when (indexer.HasIndex(IndexName))
        {
            // Another controller added it between the check and the add.
        }
    }
}
