using System.Text.Json.Nodes;
using Karmada.Api;
using WorkV1Alpha1 = Karmada.Api.Work.V1Alpha1;

namespace Karmada.Controllers.Binding;

/// <summary>
/// Decides whether a stored Work already says what a desired one says (upstream <c>workUnchanged</c>), and merges the
/// desired content into the stored Work otherwise. Labels, annotations and finalizers others added are kept; the
/// annotations this controller owns follow the desired Work exactly, so a removed override policy leaves no trace.
/// </summary>
public static class WorkComparer
{
    /// <summary>Whether <paramref name="existing"/> needs no write to match <paramref name="desired"/>.</summary>
    public static bool IsUpToDate(WorkV1Alpha1.Work existing, WorkV1Alpha1.Work desired)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(desired);
        if (existing.Spec.Workload.Manifests.Count != desired.Spec.Workload.Manifests.Count
            || !existing.Spec.Workload.Manifests.Zip(desired.Spec.Workload.Manifests).All(pair => ManifestEquals(pair.First, pair.Second)))
        {
            return false;
        }

        if ((existing.Spec.SuspendDispatching ?? false) != (desired.Spec.SuspendDispatching ?? false)
            || (existing.Spec.PreserveResourcesOnDeletion ?? false) != (desired.Spec.PreserveResourcesOnDeletion ?? false))
        {
            return false;
        }

        return ContainsAll(existing.Metadata.Labels, desired.Metadata.Labels)
            && ContainsAll(existing.Metadata.Annotations, desired.Metadata.Annotations)
            && DesiredWork.OwnedAnnotations.All(key => existing.Metadata.Annotations.ContainsKey(key) == desired.Metadata.Annotations.ContainsKey(key))
            && desired.Metadata.Finalizers.All(existing.Metadata.Finalizers.Contains);
    }

    /// <summary>A copy of <paramref name="existing"/> (resourceVersion kept, for optimistic concurrency) carrying the desired content.</summary>
    public static WorkV1Alpha1.Work Merge(WorkV1Alpha1.Work existing, WorkV1Alpha1.Work desired)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(desired);
        var merged = existing.DeepClone();
        foreach (var (key, value) in desired.Metadata.Labels)
        {
            merged.Metadata.Labels[key] = value;
        }

        foreach (var key in DesiredWork.OwnedAnnotations)
        {
            merged.Metadata.Annotations.Remove(key);
        }

        foreach (var (key, value) in desired.Metadata.Annotations)
        {
            merged.Metadata.Annotations[key] = value;
        }

        foreach (var finalizer in desired.Metadata.Finalizers.Where(f => !merged.Metadata.Finalizers.Contains(f)))
        {
            merged.Metadata.Finalizers.Add(finalizer);
        }

        merged.Spec = desired.DeepClone().Spec;
        return merged;
    }

    /// <summary>
    /// Semantic JSON equality: property order and number spelling do not matter, so a manifest read back from the API
    /// server compares equal to the one rendered from the same template.
    /// </summary>
    public static bool ManifestEquals(JsonObject left, JsonObject right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return JsonNode.DeepEquals(JsonNode.Parse(left.ToJsonString()), JsonNode.Parse(right.ToJsonString()));
    }

    private static bool ContainsAll(Dictionary<string, string> existing, Dictionary<string, string> desired) =>
        desired.All(pair => existing.TryGetValue(pair.Key, out var value) && value == pair.Value);
}
