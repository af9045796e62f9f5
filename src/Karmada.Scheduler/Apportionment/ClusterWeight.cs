namespace Karmada.Scheduler.Apportionment;

/// <summary>A cluster and its weight in a division.</summary>
public readonly record struct ClusterWeight(string Name, long Weight);
