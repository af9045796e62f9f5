namespace Karmada.Controllers.Detector;

/// <summary>Identifies a PropagationPolicy (namespace set) or a ClusterPropagationPolicy (namespace null) in the policy queue.</summary>
public sealed record PolicyKey(string? Namespace, string Name)
{
    public bool IsCluster => Namespace is null;

    /// <inheritdoc />
    public override string ToString() => IsCluster ? $"ClusterPropagationPolicy {Name}" : $"PropagationPolicy {Namespace}/{Name}";
}
