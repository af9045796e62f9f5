using Karmada.Client.Informers;
using WorkV1Alpha1 = Karmada.Api.Work.V1Alpha1;

namespace Karmada.Controllers.BindingStatus;

/// <summary>Label indexes on the shared Work informer: a binding finds its Works by its permanent id without listing.</summary>
public static class WorkIndexes
{
    /// <summary>The Works labelled <paramref name="label"/> = <paramref name="value"/>.</summary>
    public static IReadOnlyList<WorkV1Alpha1.Work> ByLabel(Indexer<WorkV1Alpha1.Work> works, string label, string value)
    {
        ArgumentNullException.ThrowIfNull(works);
        EnsureLabelIndex(works, label);
        return works.ByIndex(IndexName(label), value);
    }

    /// <summary>Adds (once) an index of Works by the value of <paramref name="label"/>; safe when several controllers share the informer.</summary>
    public static void EnsureLabelIndex(Indexer<WorkV1Alpha1.Work> works, string label)
    {
        ArgumentNullException.ThrowIfNull(works);
        var name = IndexName(label);
        if (works.HasIndex(name))
        {
            return;
        }

        try
        {
            works.AddIndex(name, w => w.Metadata.Labels.TryGetValue(label, out var value) ? [value] : []);
        }
        catch (InvalidOperationException) when (works.HasIndex(name))
        {
            // Another controller added it between the check and the add.
        }
    }

    private static string IndexName(string label) => "label:" + label;
}
