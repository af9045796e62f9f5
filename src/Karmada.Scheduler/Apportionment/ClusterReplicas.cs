namespace Karmada.Scheduler.Apportionment;

/// <summary>A cluster name and a replica count: a weight, an availability or an assignment.</summary>
public readonly record struct ClusterReplicas(string Name, int Replicas);
