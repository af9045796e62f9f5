using Karmada.Api.WellKnown;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Client.Informers;

namespace Karmada.Controllers.Dependencies;

/// <summary>
/// Indexes of the ResourceBinding informer the distributor looks bindings up by, so that neither forgetting an
/// independent binding nor a ConfigMap event walks every binding of the control plane: attached bindings by the
/// depended-by labels they carry, and the bindings that recorded dependencies by namespace.
/// </summary>
public static class DependencyIndexes
{
    private const string DependedByIndex = "dependencies.depended-by";
    private const string RecordedInIndex = "dependencies.recorded-in";

    /// <summary>The attached bindings labelled as required by the independent binding <paramref name="ns"/>/<paramref name="name"/>.</summary>
    public static IReadOnlyList<ResourceBinding> AttachedTo(Indexer<ResourceBinding> bindings, string ns, string name)
    {
        ArgumentNullException.ThrowIfNull(bindings);
        Ensure(bindings);
        return bindings.ByIndex(DependedByIndex, DependedByValue(ns, AttachedBindings.DependedByLabel(ns, name)));
    }

    /// <summary>The bindings of <paramref name="ns"/> carrying the recorded-dependencies annotation.</summary>
    public static IReadOnlyList<ResourceBinding> RecordingIn(Indexer<ResourceBinding> bindings, string ns)
    {
        ArgumentNullException.ThrowIfNull(bindings);
        Ensure(bindings);
        return bindings.ByIndex(RecordedInIndex, ns);
    }

    /// <summary>Adds both indexes once; safe when several distributors share the informer.</summary>
    public static void Ensure(Indexer<ResourceBinding> bindings)
    {
        ArgumentNullException.ThrowIfNull(bindings);
        Add(bindings, DependedByIndex, DependedByValues);
        Add(bindings, RecordedInIndex, b => b.Metadata.Annotations.ContainsKey(WellKnownAnnotations.ResourceBindingDependencies) ? [b.Metadata.Namespace ?? string.Empty] : []);
    }

    private static IEnumerable<string> DependedByValues(ResourceBinding binding)
    {
        // An attached binding lives in its independent bindings' namespace: the label names them within it.
        var ns = binding.Metadata.Namespace ?? string.Empty;
        foreach (var label in binding.Metadata.Labels.Keys)
        {
            if (label.StartsWith(WellKnownLabels.ResourceBindingDependedByPrefix, StringComparison.Ordinal))
            {
                yield return DependedByValue(ns, label);
            }
        }
    }

    private static string DependedByValue(string ns, string label) => ns + "/" + label;

    private static void Add(Indexer<ResourceBinding> bindings, string name, Func<ResourceBinding, IEnumerable<string>> values)
    {
        if (bindings.HasIndex(name))
        {
            return;
        }

        try
        {
            bindings.AddIndex(name, values);
        }
        catch (InvalidOperationException) when (bindings.HasIndex(name))
        {
            // Another distributor added it between the check and the add.
        }
    }
}
