using Karmada.Client.Informers;
using WorkV1Alpha1 = Karmada.Api.Work.V1Alpha1;

namespace Karmada.Controllers.Execution;

/// <summary>
/// An index of the Work informer by namespace: a cluster's Ready flip wakes the Works of its execution namespace
/// without scanning every Work (with 1,000 clusters going unready at once, each scan walked every Work of the fleet).
/// </summary>
public static class WorkNamespaceIndex
{
    private const string Name = "namespace";

    /// <summary>The Works in <paramref name="ns"/>.</summary>
    public static IReadOnlyList<WorkV1Alpha1.Work> In(Indexer<WorkV1Alpha1.Work> works, string ns)
    {
        ArgumentNullException.ThrowIfNull(works);
        EnsureAdded(works);
        return works.ByIndex(Name, ns);
    }

    /// <summary>Adds the index once; safe when the execution and workStatus controllers share the informer.</summary>
    public static void EnsureAdded(Indexer<WorkV1Alpha1.Work> works)
    {
        ArgumentNullException.ThrowIfNull(works);
        if (works.HasIndex(Name))
        {
            return;
        }

        try
        {
            works.AddIndex(Name, w => w.Metadata.Namespace is { Length: > 0 } ns ? [ns] : []);
        }
        catch (InvalidOperationException) when (works.HasIndex(Name))
        {
            // The other controller added it between the check and the add.
        }
    }
}
