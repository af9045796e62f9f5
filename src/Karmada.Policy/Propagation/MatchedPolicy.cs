using Karmada.Api.Policy.V1Alpha1;

namespace Karmada.Policy.Propagation;

/// <summary>The policy claiming a resource template: exactly one of the two is set.</summary>
/// <param name="PropagationPolicy">The namespaced policy, when one matched.</param>
/// <param name="ClusterPropagationPolicy">The cluster-wide policy, when no namespaced one matched.</param>
public sealed record MatchedPolicy(PropagationPolicy? PropagationPolicy, ClusterPropagationPolicy? ClusterPropagationPolicy);
