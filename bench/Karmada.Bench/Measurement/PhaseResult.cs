namespace Karmada.Bench.Measurement;

/// <summary>
/// One measured phase: how many operations ran, how long it took, the latency distribution and what the whole process
/// spent meanwhile (CPU, allocations, GCs). Latencies are in milliseconds.
/// </summary>
public sealed record PhaseResult(
    string Name,
    int Concurrency,
    int Operations,
    int Errors,
    TimeSpan Elapsed,
    LatencySummary Latency,
    ResourceDelta Resources)
{
    public double PerSecond => Elapsed.TotalSeconds > 0 ? Operations / Elapsed.TotalSeconds : 0;

    /// <summary>Process CPU time per operation in microseconds (client and server share the process).</summary>
    public double CpuMicrosPerOp => Operations > 0 ? Resources.Cpu.TotalMicroseconds / Operations : 0;

    /// <summary>Bytes allocated per operation (all threads).</summary>
    public double AllocatedBytesPerOp => Operations > 0 ? (double)Resources.AllocatedBytes / Operations : 0;
}
