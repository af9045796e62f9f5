using System.Collections.Concurrent;
using System.Diagnostics;
using Karmada.Bench.Measurement;
using Karmada.Client;

namespace Karmada.Bench.Workloads.Propagation;

/// <summary>
/// Watches one resource across all namespaces of one API server and notes the <see cref="Stopwatch"/> timestamp at
/// which each object (<c>namespace/name</c>) was first seen: when it "exists" for any client of that server.
/// </summary>
public sealed class ArrivalWatcher : ResourceWatcher
{
    private readonly ConcurrentDictionary<string, long> _firstSeen = new(StringComparer.Ordinal);
    private ArrivalWatcher(KubeApiClient client, ResourceRef resource)
        : base(client, resource)
    {
    }

    /// <summary>Lists what exists now (noted as seen now) and follows the collection from there.</summary>
    public static ArrivalWatcher Start(KubeApiClient client, ResourceRef resource) => new(client, resource);

    public int Count => _firstSeen.Count;

    public bool TryGet(string ns, string name, out long timestamp) => _firstSeen.TryGetValue(ns + "/" + name, out timestamp);

    /// <summary>How many objects were first seen at or after <paramref name="from"/> and at or before <paramref name="to"/>.</summary>
    public int CountBetween(long from, long to) => _firstSeen.Values.Count(t => t >= from && t <= to);

    protected override void OnEvent(WatchEventType type, System.Text.Json.Nodes.JsonObject obj)
    {
        if (type is WatchEventType.Added or WatchEventType.Modified)
        {
            Note(obj);
        }
    }

    private void Note(System.Text.Json.Nodes.JsonObject obj) =>
        _firstSeen.TryAdd(JsonObjectMeta.GetNamespace(obj) + "/" + JsonObjectMeta.GetName(obj), Stopwatch.GetTimestamp());
}
