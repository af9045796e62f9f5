namespace Karmada.Bench;

/// <summary>How long a workload runs: <see cref="Small"/> for a quick check, <see cref="Full"/> for reported figures.</summary>
public enum BenchScale
{
    Small,
    Full,
}
