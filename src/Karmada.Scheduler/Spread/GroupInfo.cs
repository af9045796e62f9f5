namespace Karmada.Scheduler.Spread;

/// <summary>A candidate group for <see cref="GroupSelector"/>: its value counts toward the target, its weight ranks it.</summary>
public sealed record GroupInfo(string Name, long Value, long Weight);
