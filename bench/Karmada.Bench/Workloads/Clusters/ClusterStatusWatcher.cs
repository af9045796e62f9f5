using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Karmada.Bench.Measurement;
using Karmada.Cli;
using Karmada.Client;

namespace Karmada.Bench.Workloads.Clusters;

/// <summary>What the bench reads from a Cluster's status: Ready and the node summary's ready count.</summary>
public readonly record struct ClusterView(bool Ready, int? ReadyNodes, int? TotalNodes);

/// <summary>
/// Watches the control plane's Clusters and notes when each first turned Ready, and lets callers wait (on watch
/// events, no polling) until a Cluster's status satisfies a condition: the time a status change became visible to any
/// client of the control plane.
/// </summary>
public sealed class ClusterStatusWatcher : ResourceWatcher
{
    private readonly ConcurrentDictionary<string, long> _firstReady = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _firstSeen = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ClusterView> _latest = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly List<Waiter> _waiters = [];
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ClusterStatusWatcher(KubeApiClient client)
        : base(client, ClusterResources.Clusters)
    {
    }

    public static async Task<ClusterStatusWatcher> StartAsync(KubeApiClient client, CancellationToken cancellationToken)
    {
        var watcher = new ClusterStatusWatcher(client);
        await watcher._synced.Task.WaitAsync(cancellationToken);
        return watcher;
    }

    public int ReadyCount => _latest.Values.Count(v => v.Ready);

    public bool TryGetFirstReady(string name, out long timestamp) => _firstReady.TryGetValue(name, out timestamp);

    /// <summary>When the Cluster was first seen on the watch (its creation, as any client of the control plane sees it).</summary>
    public bool TryGetFirstSeen(string name, out long timestamp) => _firstSeen.TryGetValue(name, out timestamp);

    /// <summary>Completes with the timestamp of the first event (or the current state) for which <paramref name="condition"/> holds.</summary>
    public Task<long> WaitAsync(string name, Func<ClusterView, bool> condition, CancellationToken cancellationToken)
    {
        var waiter = new Waiter(name, condition);
        lock (_gate)
        {
            if (_latest.TryGetValue(name, out var view) && condition(view))
            {
                return Task.FromResult(Stopwatch.GetTimestamp());
            }

            _waiters.Add(waiter);
        }

        return waiter.Done.Task.WaitAsync(cancellationToken);
    }

    protected override void OnEvent(WatchEventType type, JsonObject obj)
    {
        if (type is WatchEventType.Added or WatchEventType.Modified)
        {
            Note(obj);
        }
    }

    protected override void OnListed() => _synced.TrySetResult();

    private void Note(JsonObject cluster)
    {
        var now = Stopwatch.GetTimestamp();
        var name = JsonObjectMeta.GetName(cluster) ?? "";
        _firstSeen.TryAdd(name, now);
        var status = cluster["status"];
        var ready = status?["conditions"] is JsonArray conditions
            && conditions.OfType<JsonObject>().Any(c => (string?)c["type"] == "Ready" && (string?)c["status"] == "True");
        var view = new ClusterView(ready, (int?)status?["nodeSummary"]?["readyNum"], (int?)status?["nodeSummary"]?["totalNum"]);
        if (ready)
        {
            _firstReady.TryAdd(name, now);
        }

        List<Waiter>? done = null;
        lock (_gate)
        {
            _latest[name] = view;
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Name == name && _waiters[i].Condition(view))
                {
                    (done ??= []).Add(_waiters[i]);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (var waiter in done ?? [])
        {
            waiter.Done.TrySetResult(now);
        }
    }

    private sealed record Waiter(string Name, Func<ClusterView, bool> Condition)
    {
        public TaskCompletionSource<long> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
