using Karmada.Api.Policy.V1Alpha1;
using Karmada.Api.WellKnown;

namespace Karmada.Controllers.Detector;

/// <summary>
/// A PropagationPolicy (namespace set) or ClusterPropagationPolicy (namespace null) as a claim on a resource template
/// and its binding: the permanent-id label plus the name (and namespace) annotations (upstream <c>claim.go</c>).
/// </summary>
/// <param name="Namespace">The PropagationPolicy's namespace; null for a ClusterPropagationPolicy.</param>
/// <param name="Name">The policy's name.</param>
/// <param name="PermanentId">The policy's permanent id (its <c>permanent-id</c> label, set by admission).</param>
public sealed record PolicyReference(string? Namespace, string Name, string PermanentId)
{
    /// <summary>Whether this is a ClusterPropagationPolicy.</summary>
    public bool IsCluster => Namespace is null;

    /// <summary>The claim label key: the permanent-id label of the policy's kind.</summary>
    public string IdLabel => IsCluster ? WellKnownLabels.ClusterPropagationPolicyPermanentId : WellKnownLabels.PropagationPolicyPermanentId;

    /// <summary>The claim annotations and their values.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Annotations => IsCluster
        ? [new(WellKnownAnnotations.ClusterPropagationPolicyName, Name)]
        : [new(WellKnownAnnotations.PropagationPolicyNamespace, Namespace!), new(WellKnownAnnotations.PropagationPolicyName, Name)];

    /// <summary>The claim annotation keys of the other policy kind, which a claim by this one clears.</summary>
    public IReadOnlyList<string> OtherKindAnnotationKeys => IsCluster
        ? [WellKnownAnnotations.PropagationPolicyNamespace, WellKnownAnnotations.PropagationPolicyName]
        : [WellKnownAnnotations.ClusterPropagationPolicyName];

    /// <summary>The claim label key of the other policy kind.</summary>
    public string OtherKindIdLabel => IsCluster ? WellKnownLabels.PropagationPolicyPermanentId : WellKnownLabels.ClusterPropagationPolicyPermanentId;

    public static PolicyReference Of(PropagationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new PolicyReference(
            policy.Metadata.Namespace ?? string.Empty,
            policy.Metadata.Name ?? string.Empty,
            policy.Metadata.Labels.GetValueOrDefault(WellKnownLabels.PropagationPolicyPermanentId, string.Empty));
    }

    public static PolicyReference Of(ClusterPropagationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new PolicyReference(
            null,
            policy.Metadata.Name ?? string.Empty,
            policy.Metadata.Labels.GetValueOrDefault(WellKnownLabels.ClusterPropagationPolicyPermanentId, string.Empty));
    }

    /// <inheritdoc />
    public override string ToString() => IsCluster ? $"ClusterPropagationPolicy {Name}" : $"PropagationPolicy {Namespace}/{Name}";
}
