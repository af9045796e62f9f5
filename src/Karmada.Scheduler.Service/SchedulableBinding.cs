using Karmada.Api.Meta;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Client;

namespace Karmada.Scheduler.Service;

/// <summary>
/// A ResourceBinding or ClusterResourceBinding seen as what the scheduler needs: both kinds share the spec and status
/// types. The key's namespace is null for ClusterResourceBindings, which is how the queue tells the kinds apart.
/// Holds the informer's objects: never mutate them.
/// </summary>
public sealed record SchedulableBinding(string Kind, ObjectMeta Metadata, ResourceBindingSpec Spec, ResourceBindingStatus Status)
{
    /// <summary>The work-queue key: namespace/name for ResourceBindings, name for ClusterResourceBindings.</summary>
    public ObjectKey Key => new(IsClusterScoped ? null : Metadata.Namespace, Metadata.Name ?? string.Empty);

    /// <summary>Whether this is a ClusterResourceBinding.</summary>
    public bool IsClusterScoped => Kind == ClusterResourceBinding.KubeKind;

    /// <summary>The apiVersion of both binding kinds.</summary>
    public static string ApiVersion => ResourceBinding.KubeApiVersion;

    /// <summary>A view of a ResourceBinding.</summary>
    public static SchedulableBinding Of(ResourceBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        return new(ResourceBinding.KubeKind, binding.Metadata, binding.Spec, binding.Status);
    }

    /// <summary>A view of a ClusterResourceBinding.</summary>
    public static SchedulableBinding Of(ClusterResourceBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        return new(ClusterResourceBinding.KubeKind, binding.Metadata, binding.Spec, binding.Status);
    }
}
