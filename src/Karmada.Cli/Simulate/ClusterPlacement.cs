namespace Karmada.Cli.Simulate;

/// <summary>One cluster's line in a simulation: its verdict, why, its score and the replicas it would get.</summary>
/// <param name="Cluster">The cluster's name.</param>
/// <param name="Verdict"><c>Fit</c> (placed), <c>Rejected</c>, <c>NotSelected</c>, <c>NoReplicas</c>, <c>Feasible</c> or <c>Deleting</c>.</param>
/// <param name="RejectedBy">The filter plugin that rejected the cluster.</param>
/// <param name="Reason">Why the cluster is not (fully) used.</param>
/// <param name="Score">The summed score, when scored.</param>
/// <param name="Replicas">The replicas placed there, when placed.</param>
public sealed record ClusterPlacement(string Cluster, string Verdict, string? RejectedBy, string? Reason, long? Score, int? Replicas);
