using System.Globalization;
using System.Text.Json.Nodes;
using Karmada.Api.WellKnown;
using Karmada.Api.Work.V1Alpha2;

namespace Karmada.Controllers.Dependencies;

/// <summary>
/// JSON patches of the distributor's marks on an independent binding: the recorded dependencies annotation and the
/// finalizer that guards their cleanup. The scheduler writes the same binding at the same moment (clusters, then its
/// status); a patch of just these fields does not collide with those writes as an update under the cached
/// resourceVersion did. The finalizer list is the one shared field, so its edits are guarded by <c>test</c>s.
/// </summary>
public static class IndependentBindingPatch
{
    private static readonly string AnnotationPath = "/metadata/annotations/" + BindingPatchOps.Token(WellKnownAnnotations.ResourceBindingDependencies);

    /// <summary>The patch that records <paramref name="dependencies"/> and adds the finalizer; null when both are there.</summary>
    public static JsonArray? Record(ResourceBinding binding, string dependencies)
    {
        ArgumentNullException.ThrowIfNull(binding);
        ArgumentNullException.ThrowIfNull(dependencies);
        var ops = new JsonArray();
        var annotations = binding.Metadata.Annotations;
        if (annotations.GetValueOrDefault(WellKnownAnnotations.ResourceBindingDependencies) != dependencies)
        {
            if (annotations.Count == 0)
            {
                ops.Add(BindingPatchOps.Test("/metadata/annotations", null));
                ops.Add(BindingPatchOps.Add("/metadata/annotations", new JsonObject { [WellKnownAnnotations.ResourceBindingDependencies] = dependencies }));
            }
            else
            {
                ops.Add(BindingPatchOps.Add(AnnotationPath, dependencies));
            }
        }

        var finalizers = binding.Metadata.Finalizers;
        if (!finalizers.Contains(WellKnownFinalizers.BindingDependenciesDistributor))
        {
            if (finalizers.Count == 0)
            {
                ops.Add(BindingPatchOps.Test("/metadata/finalizers", null));
                ops.Add(BindingPatchOps.Add("/metadata/finalizers", new JsonArray(WellKnownFinalizers.BindingDependenciesDistributor)));
            }
            else
            {
                ops.Add(BindingPatchOps.Test("/metadata/finalizers", new JsonArray([.. finalizers.Select(f => (JsonNode)f)])));
                ops.Add(BindingPatchOps.Add("/metadata/finalizers/-", WellKnownFinalizers.BindingDependenciesDistributor));
            }
        }

        return ops.Count == 0 ? null : ops;
    }

    /// <summary>The patch that removes the annotation and the finalizer; null when neither is there.</summary>
    public static JsonArray? Clear(ResourceBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        var ops = new JsonArray();
        var index = binding.Metadata.Finalizers.IndexOf(WellKnownFinalizers.BindingDependenciesDistributor);
        if (index >= 0)
        {
            var path = "/metadata/finalizers/" + index.ToString(CultureInfo.InvariantCulture);
            ops.Add(BindingPatchOps.Test(path, WellKnownFinalizers.BindingDependenciesDistributor));
            ops.Add(BindingPatchOps.Remove(path));
        }

        if (binding.Metadata.Annotations.ContainsKey(WellKnownAnnotations.ResourceBindingDependencies))
        {
            ops.Add(BindingPatchOps.Remove(AnnotationPath));
        }

        return ops.Count == 0 ? null : ops;
    }
}
