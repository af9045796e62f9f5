namespace Karmada.Scheduler.Framework;

/// <summary>The scores one score plugin gave, in the order of the clusters scored.</summary>
public sealed record PluginScores(string Plugin, IReadOnlyList<long> Scores);
