using Karmada.Bench.Measurement;

namespace Karmada.Bench.Workloads.ApiServer;

/// <summary>
/// Watch delivery: latency from the writer's acknowledgement (create response received) to the event's arrival at
/// each watcher, clamped at zero; <see cref="ArrivedBeforeAck"/> counts events that beat the response.
/// <see cref="FromSend"/> measures from the moment the write was sent (an upper bound including the write itself).
/// </summary>
public sealed record WatchResult(
    int Watchers,
    int Writes,
    double WritesPerSecond,
    LatencySummary FromAck,
    LatencySummary FromSend,
    long Delivered,
    long Missing,
    long ArrivedBeforeAck,
    ResourceDelta Resources);
