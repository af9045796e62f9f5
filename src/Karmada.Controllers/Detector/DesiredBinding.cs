using Karmada.Api.Meta;
using Karmada.Api.Work.V1Alpha2;
using PolicyV1Alpha1 = Karmada.Api.Policy.V1Alpha1;

namespace Karmada.Controllers.Detector;

/// <summary>The binding the detector wants for a template: what it creates, or merges into the existing binding.</summary>
/// <param name="Policy">The claiming policy.</param>
/// <param name="Metadata">Name, namespace (null for a ClusterResourceBinding), owner, finalizer and claim metadata.</param>
/// <param name="Spec">The spec fields the detector owns; never <c>clusters</c>.</param>
/// <param name="PolicySuspension">The policy's suspension, merged into the binding's (which also holds the scheduler's own flag).</param>
public sealed record DesiredBinding(PolicyReference Policy, ObjectMeta Metadata, ResourceBindingSpec Spec, PolicyV1Alpha1.Suspension? PolicySuspension)
{
    /// <summary>Whether this is a ClusterResourceBinding (the template is cluster-scoped).</summary>
    public bool IsCluster => string.IsNullOrEmpty(Metadata.Namespace);
}
