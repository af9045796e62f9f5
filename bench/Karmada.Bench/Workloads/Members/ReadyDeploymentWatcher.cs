using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Karmada.Bench.Measurement;
using Karmada.Client;

namespace Karmada.Bench.Workloads.Members;

/// <summary>
/// Watches the Deployments of one API server and notes the <see cref="Stopwatch"/> timestamp at which each
/// (<c>namespace/name</c>) first reported all its replicas ready for its current generation, as <c>kubectl rollout
/// status</c> judges it.
/// </summary>
public sealed class ReadyDeploymentWatcher : ResourceWatcher
{
    public static readonly ResourceRef Deployments = new("apps", "v1", "deployments", Namespaced: true);

    private readonly ConcurrentDictionary<string, long> _ready = new(StringComparer.Ordinal);
    private ReadyDeploymentWatcher(KubeApiClient client)
        : base(client, Deployments)
    {
    }

    public static ReadyDeploymentWatcher Start(KubeApiClient client) => new(client);

    /// <summary>Deployments seen ready so far.</summary>
    public int ReadyCount => _ready.Count;

    /// <summary>The latest first-ready timestamp, or 0 when none is ready.</summary>
    public long LastReady => _ready.Values.DefaultIfEmpty(0).Max();

    public bool TryGetReady(string ns, string name, out long timestamp) => _ready.TryGetValue(ns + "/" + name, out timestamp);

    protected override void OnEvent(WatchEventType type, JsonObject obj)
    {
        if (type is WatchEventType.Added or WatchEventType.Modified)
        {
            Note(obj);
        }
    }

    private void Note(JsonObject deployment)
    {
        if (IsReady(deployment))
        {
            _ready.TryAdd(JsonObjectMeta.GetNamespace(deployment) + "/" + JsonObjectMeta.GetName(deployment), Stopwatch.GetTimestamp());
        }
    }

    private static bool IsReady(JsonObject deployment)
    {
        var desired = (int?)deployment["spec"]?["replicas"] ?? 1;
        var generation = (long?)deployment["metadata"]?["generation"] ?? 0;
        var status = deployment["status"];
        return status is not null
            && ((long?)status["observedGeneration"] ?? 0) >= generation
            && ((int?)status["readyReplicas"] ?? 0) >= desired
            && ((int?)status["updatedReplicas"] ?? 0) >= desired;
    }
}
