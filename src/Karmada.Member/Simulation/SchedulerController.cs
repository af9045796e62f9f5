using System.Text.Json.Nodes;
using Karmada.Client;
using Karmada.Client.Controllers;
using Karmada.Client.Informers;
using Karmada.Client.Queues;
using Microsoft.Extensions.Logging;

namespace Karmada.Member.Simulation;

/// <summary>
/// The simulated kube-scheduler: binds each pending pod (schedulerName default-scheduler) to the feasible node with the
/// most free resources (<see cref="NodeFit"/> filters, least-allocated score). A pod that fits nowhere gets
/// <c>PodScheduled=False</c>, reason <c>Unschedulable</c>, and is retried when a node changes or a pod goes away.
/// Bindings not yet seen by the informer are kept as assumed pods so they count against their node.
/// </summary>
internal sealed partial class SchedulerController : IReconciler<ObjectKey>
{
    public const string Name = "scheduler";

    // kube-scheduler scores pods without requests as if they asked for this much, so they still spread.
    private const long DefaultMilliCpu = 100;
    private const long DefaultMilliMemory = 200L * 1024 * 1024 * 1000;

    // Usage keys for scoring only: requests with the defaults above filled in (never matched against allocatable).
    private const string ScoreCpu = "score/cpu";
    private const string ScoreMemory = "score/memory";

    private readonly KubeApiClient _client;
    private readonly SharedInformer<JsonObject> _pods;
    private readonly SharedInformer<JsonObject> _nodes;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (string Node, Dictionary<string, long> Requests)> _assumed = new(StringComparer.Ordinal);

    public SchedulerController(KubeApiClient client, SharedInformer<JsonObject> pods, SharedInformer<JsonObject> nodes, TimeProvider timeProvider, ILogger logger)
    {
        _client = client;
        _pods = pods;
        _nodes = nodes;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public void Register(WorkQueue<ObjectKey> queue)
    {
        _pods.AddEventHandler(
            onAdd: pod => EnqueueIfPending(queue, pod),
            onUpdate: (_, pod) =>
            {
                if (JsonRead.Str(pod, "spec", "nodeName") is not null)
                {
                    Unassume(pod);
                }

                EnqueueIfPending(queue, pod);
            },
            onDelete: pod =>
            {
                Unassume(pod);
                EnqueueAllPending(queue);
            });
        _nodes.AddEventHandler(
            onAdd: _ => EnqueueAllPending(queue),
            onUpdate: (old, node) =>
            {
                if (JsonRead.ConditionStatus(old, "Ready") != JsonRead.ConditionStatus(node, "Ready")
                    || !JsonNode.DeepEquals(JsonRead.Node(old, "spec"), JsonRead.Node(node, "spec"))
                    || !JsonNode.DeepEquals(JsonRead.Node(old, "status", "allocatable"), JsonRead.Node(node, "status", "allocatable"))
                    || !JsonNode.DeepEquals(JsonRead.Node(old, "metadata", "labels"), JsonRead.Node(node, "metadata", "labels")))
                {
                    EnqueueAllPending(queue);
                }
            });
    }

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var pod = _pods.Indexer.Get(key);
        if (pod is null || !IsPending(pod))
        {
            return ReconcileResult.Done;
        }

        var uid = JsonRead.Str(pod, "metadata", "uid") ?? "";
        lock (_gate)
        {
            if (_assumed.ContainsKey(uid))
            {
                return ReconcileResult.Done;
            }
        }

        var requests = PodRequests.Of(pod);
        var (used, counts) = NodeUsage();
        var nodes = _nodes.Indexer.List();
        var reasons = new Dictionary<string, int>(StringComparer.Ordinal);
        JsonObject? best = null;
        var bestScore = double.MinValue;
        foreach (var node in nodes.OrderBy(n => JsonRead.Str(n, "metadata", "name"), StringComparer.Ordinal))
        {
            var nodeName = JsonRead.Str(node, "metadata", "name") ?? "";
            var nodeUsed = used.GetValueOrDefault(nodeName) ?? [];
            var podCount = counts.GetValueOrDefault(nodeName);
            if (NodeFit.Reject(pod, node, requests, nodeUsed, podCount) is { } reason)
            {
                reasons[reason] = reasons.GetValueOrDefault(reason) + 1;
                continue;
            }

            var score = Score(node, nodeUsed, requests);
            if (score > bestScore)
            {
                best = node;
                bestScore = score;
            }
        }

        if (best is null)
        {
            var message = $"0/{nodes.Count} nodes are available: "
                + string.Join(", ", reasons.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Value} {r.Key}"))
                + (nodes.Count == 0 ? "no nodes available to schedule pods." : ".");
            await MarkUnschedulableAsync(pod, message, cancellationToken);
            return ReconcileResult.Done;
        }

        var target = JsonRead.Str(best, "metadata", "name")!;
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject { ["resourceVersion"] = JsonRead.Str(pod, "metadata", "resourceVersion") },
            ["spec"] = new JsonObject { ["nodeName"] = target },
        };
        try
        {
            await _client.PatchAsync(SimulatedResources.Pods, key.Namespace, key.Name, PatchType.Merge, patch, cancellationToken: cancellationToken);
        }
        catch (ApiException ex) when (ex.IsNotFound())
        {
            return ReconcileResult.Done;
        }

        lock (_gate)
        {
            _assumed[uid] = (target, requests);
        }

        LogBound(_logger, key.Namespace ?? "", key.Name, target);
        return ReconcileResult.Done;
    }

    private static bool IsPending(JsonObject pod) =>
        JsonRead.Str(pod, "spec", "nodeName") is null
        && JsonRead.IsPodActive(pod)
        && (JsonRead.Str(pod, "spec", "schedulerName") ?? "default-scheduler") == "default-scheduler";

    private static long NonZero(Dictionary<string, long> requests, string resource, long defaultRequest) =>
        requests.GetValueOrDefault(resource) is > 0 and var request ? request : defaultRequest;

    private static double Score(JsonObject node, Dictionary<string, long> used, Dictionary<string, long> requests)
    {
        var allocatable = PodRequests.ParseList(JsonRead.Obj(node, "status", "allocatable"));
        double Free(string resource, string scoreKey, long defaultRequest)
        {
            var capacity = allocatable.GetValueOrDefault(resource);
            if (capacity <= 0)
            {
                return 0;
            }

            var after = used.GetValueOrDefault(scoreKey) + NonZero(requests, resource, defaultRequest);
            return Math.Max(0, capacity - after) / (double)capacity;
        }

        return (Free("cpu", ScoreCpu, DefaultMilliCpu) + Free("memory", ScoreMemory, DefaultMilliMemory)) / 2;
    }

    private (Dictionary<string, Dictionary<string, long>?> Used, Dictionary<string, int> Counts) NodeUsage()
    {
        var used = new Dictionary<string, Dictionary<string, long>?>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        void Add(string node, Dictionary<string, long> requests)
        {
            if (used.GetValueOrDefault(node) is not { } sums)
            {
                sums = new Dictionary<string, long>(StringComparer.Ordinal);
                used[node] = sums;
            }

            foreach (var (name, value) in requests)
            {
                sums[name] = sums.GetValueOrDefault(name) + value;
            }

            sums[ScoreCpu] = sums.GetValueOrDefault(ScoreCpu) + NonZero(requests, "cpu", DefaultMilliCpu);
            sums[ScoreMemory] = sums.GetValueOrDefault(ScoreMemory) + NonZero(requests, "memory", DefaultMilliMemory);
            counts[node] = counts.GetValueOrDefault(node) + 1;
        }

        var boundUids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pod in _pods.Indexer.List())
        {
            if (JsonRead.Str(pod, "spec", "nodeName") is { } node && !JsonRead.IsPodTerminated(pod))
            {
                boundUids.Add(JsonRead.Str(pod, "metadata", "uid") ?? "");
                Add(node, PodRequests.Of(pod));
            }
        }

        lock (_gate)
        {
            foreach (var (uid, (node, requests)) in _assumed)
            {
                if (!boundUids.Contains(uid))
                {
                    Add(node, requests);
                }
            }
        }

        return (used, counts);
    }

    private async Task MarkUnschedulableAsync(JsonObject pod, string message, CancellationToken cancellationToken)
    {
        var current = JsonRead.Objects(pod, "status", "conditions").FirstOrDefault(c => JsonRead.Str(c, "type") == "PodScheduled");
        if (current is not null && JsonRead.Str(current, "status") == "False" && JsonRead.Str(current, "message") == message)
        {
            return;
        }

        var patch = new JsonObject
        {
            ["status"] = new JsonObject
            {
                ["phase"] = "Pending",
                ["conditions"] = new JsonArray(new JsonObject
                {
                    ["type"] = "PodScheduled",
                    ["status"] = "False",
                    ["lastProbeTime"] = null,
                    ["lastTransitionTime"] = Timestamps.Format(_timeProvider.GetUtcNow()),
                    ["reason"] = "Unschedulable",
                    ["message"] = message,
                }),
            },
        };
        var ns = JsonRead.Str(pod, "metadata", "namespace");
        var name = JsonRead.Str(pod, "metadata", "name")!;
        try
        {
            await _client.PatchAsync(SimulatedResources.Pods, ns, name, PatchType.Merge, patch, new PatchOptions { Subresource = "status" }, cancellationToken);
            LogUnschedulable(_logger, ns ?? "", name, message);
        }
        catch (ApiException ex) when (ex.IsNotFound())
        {
        }
    }

    private void Unassume(JsonObject pod)
    {
        lock (_gate)
        {
            _assumed.Remove(JsonRead.Str(pod, "metadata", "uid") ?? "");
        }
    }

    private static void EnqueueIfPending(WorkQueue<ObjectKey> queue, JsonObject pod)
    {
        if (IsPending(pod))
        {
            queue.Add(JsonObjectMeta.Accessor.GetKey(pod));
        }
    }

    private void EnqueueAllPending(WorkQueue<ObjectKey> queue)
    {
        foreach (var pod in _pods.Indexer.List())
        {
            EnqueueIfPending(queue, pod);
        }
    }

    // Event ids 8200-8299: scheduler. Next free id: 8202.
    [LoggerMessage(8200, LogLevel.Debug, "Bound {Namespace}/{Name} to {Node}")]
    private static partial void LogBound(ILogger logger, string @namespace, string name, string node);

    [LoggerMessage(8201, LogLevel.Information, "{Namespace}/{Name} is unschedulable: {Message}")]
    private static partial void LogUnschedulable(ILogger logger, string @namespace, string name, string message);
}
