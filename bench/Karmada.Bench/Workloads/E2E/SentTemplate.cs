namespace Karmada.Bench.Workloads.E2E;

/// <summary>One template Deployment the benchmark created: where, which, and the <see cref="System.Diagnostics.Stopwatch"/> timestamp its create was sent.</summary>
public sealed record SentTemplate(string Namespace, int Index, long SentAt);
