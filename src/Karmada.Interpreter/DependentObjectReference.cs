using Karmada.Api.Meta;

namespace Karmada.Interpreter;

/// <summary>
/// A resource a workload depends on (upstream <c>configv1alpha1.DependentObjectReference</c>): either a named object,
/// or every object of the kind in the namespace matching <see cref="LabelSelector"/>.
/// </summary>
public sealed record DependentObjectReference
{
    /// <summary>API version of the referent.</summary>
    public required string ApiVersion { get; init; }

    /// <summary>Kind of the referent.</summary>
    public required string Kind { get; init; }

    /// <summary>Namespace of the referent; empty for cluster-scoped kinds.</summary>
    public string Namespace { get; init; } = "";

    /// <summary>Name of the referent; empty when <see cref="LabelSelector"/> selects the referents.</summary>
    public string Name { get; init; } = "";

    /// <summary>Selects referents by label; ignored when <see cref="Name"/> is set.</summary>
    public LabelSelector? LabelSelector { get; init; }
}
