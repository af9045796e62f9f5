using Karmada.Api.Work.V1Alpha2;

namespace Karmada.Cli.Simulate;

/// <summary>The what-if placement of one resource template.</summary>
/// <param name="BindingName">The binding the detector would create (<c>&lt;name&gt;-&lt;kind&gt;</c>).</param>
/// <param name="Namespace">The binding's namespace; null for a ClusterResourceBinding.</param>
/// <param name="Replicas">The replicas being placed.</param>
/// <param name="TargetClusters">The <c>spec.clusters</c> the scheduler would write; empty when it fails.</param>
/// <param name="Failure">The <c>Scheduled</c> condition reason and message when scheduling fails.</param>
/// <param name="Clusters">Every cluster's verdict, by name.</param>
public sealed record SimulationResult(
    string BindingName,
    string? Namespace,
    int Replicas,
    IReadOnlyList<TargetCluster> TargetClusters,
    (string Reason, string Message)? Failure,
    IReadOnlyList<ClusterPlacement> Clusters);
