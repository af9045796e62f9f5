namespace Karmada.Controllers.Binding;

/// <summary>The Works rendered for a binding, and the clusters that could not be rendered.</summary>
/// <param name="Works">One desired Work per rendered target cluster.</param>
/// <param name="Failures">The clusters that failed, with the reason.</param>
public sealed record WorkRenderResult(IReadOnlyList<DesiredWork> Works, IReadOnlyList<WorkRenderFailure> Failures);
