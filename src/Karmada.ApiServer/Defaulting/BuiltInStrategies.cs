using System.Text.Json.Nodes;
using Karmada.ApiServer.Admission;
using Karmada.ApiServer.Resources;

namespace Karmada.ApiServer.Defaulting;

/// <summary>
/// The kind-specific parts of kube-apiserver's REST strategies for built-in kinds that the generic registry
/// (<c>ObjectService</c>) calls into: what a create sets beyond defaults, and what a status write may change besides
/// <c>status</c>, and which changes an update may make.
/// </summary>
public static class BuiltInStrategies
{
    /// <summary>After defaulting and before admission of a create.</summary>
    public static void PrepareForCreate(ResourceDefinition resource, JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (!resource.IsCustom && resource.Group.Length == 0 && resource.Plural == "pods")
        {
            PodCreateStrategy.PrepareForCreate(obj);
        }
    }

    /// <summary>
    /// A write to <c>/status</c>: <paramref name="updated"/> is the stored object with the requested status; this carries
    /// over the other fields the kind's upstream status strategy lets such a write change.
    /// </summary>
    /// <remarks>
    /// Upstream's Deployment status strategy resets only <c>spec</c> and <c>metadata.labels</c>, and kube's Deployment
    /// controller relies on it: it records <c>deployment.kubernetes.io/revision</c> in the same UpdateStatus that
    /// reports the rollout. Annotations are the part carried here; the rest of such a write's metadata is not.
    /// </remarks>
    public static void PrepareForStatusUpdate(ResourceDefinition resource, JsonObject desired, JsonObject updated)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(updated);
        if (resource.IsCustom || resource.Group != "apps" || resource.Plural != "deployments" || updated["metadata"] is not JsonObject metadata)
        {
            return;
        }

        if (desired["metadata"]?["annotations"] is JsonObject annotations)
        {
            metadata["annotations"] = annotations.DeepClone();
        }
        else
        {
            metadata.Remove("annotations");
        }
    }

    /// <summary>
    /// After defaulting of an update: the kind's upstream update validation beyond schemas (a pod's spec is fixed but
    /// for images, deadlines, tolerations and gates: <see cref="PodUpdateValidation"/>). Throws 422 Invalid.
    /// </summary>
    public static void ValidateUpdate(ResourceDefinition resource, string subresource, JsonObject old, JsonObject updated)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(updated);
        if (subresource.Length > 0 || resource.IsCustom || resource.Group.Length > 0 || resource.Plural != "pods")
        {
            return;
        }

        var errors = new FieldErrors();
        PodUpdateValidation.Validate(old, updated, errors);
        errors.ThrowIfAny(resource, (string?)updated["metadata"]?["name"] ?? "");
    }
}
