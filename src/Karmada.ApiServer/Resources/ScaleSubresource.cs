namespace Karmada.ApiServer.Resources;

/// <summary>Where a kind keeps its replica counts, as in a CRD's <c>subresources.scale</c> (JSON paths like <c>.spec.replicas</c>).</summary>
public sealed record ScaleSubresource(string SpecReplicasPath, string StatusReplicasPath, string? LabelSelectorPath);
