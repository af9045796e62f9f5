namespace Karmada.Bench.Measurement;

/// <summary>What the process spent during a phase.</summary>
public sealed record ResourceDelta(TimeSpan Cpu, long AllocatedBytes, int Gen0, int Gen1, int Gen2);
