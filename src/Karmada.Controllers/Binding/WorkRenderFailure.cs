namespace Karmada.Controllers.Binding;

/// <summary>A target cluster whose Work could not be rendered.</summary>
/// <param name="Cluster">The cluster.</param>
/// <param name="Reason">Why.</param>
public sealed record WorkRenderFailure(string Cluster, string Reason);
