using System.Text.Json.Nodes;
using Karmada.Client;
using Karmada.Client.Controllers;
using Karmada.Client.Informers;
using Karmada.Client.Queues;
using Microsoft.Extensions.Logging;

namespace Karmada.Member.Simulation;

/// <summary>
/// The simulated kube-scheduler: binds each pending pod (schedulerName default-scheduler) through <c>pods/binding</c> to
/// the feasible node with the most free resources (<see cref="NodeFit"/> filters, least-allocated score). A pod that fits nowhere gets
/// <c>PodScheduled=False</c>, reason <c>Unschedulable</c>, and is retried when a node changes or a pod goes away.
/// What each node has committed comes from the <see cref="SchedulerCache"/>, which the pod informer keeps current;
/// bindings not yet seen by the informer are assumed there so they count against their node.
/// </summary>
internal sealed partial class SchedulerController : IReconciler<ObjectKey>
{
    public const string Name = "scheduler";

    private readonly KubeApiClient _client;
    private readonly SharedInformer<JsonObject> _pods;
    private readonly SharedInformer<JsonObject> _nodes;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SchedulerCache _cache = new();

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
            onAdd: pod =>
            {
                _cache.Observe(pod);
                EnqueueIfPending(queue, pod);
            },
            onUpdate: (_, pod) =>
            {
                _cache.Observe(pod);
                EnqueueIfPending(queue, pod);
            },
            onDelete: pod =>
            {
                _cache.Forget(pod);
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
            },
            onDelete: node => _cache.ForgetNode(JsonRead.Str(node, "metadata", "name") ?? ""));
    }

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var pod = _pods.Indexer.Get(key);
        if (pod is null || !IsPending(pod))
        {
            return ReconcileResult.Done;
        }

        var uid = JsonRead.Str(pod, "metadata", "uid") ?? "";
        if (_cache.Knows(uid))
        {
            return ReconcileResult.Done;
        }

        var requests = PodRequests.Of(pod);
        var nodes = _nodes.Indexer.List();
        var reasons = new Dictionary<string, int>(StringComparer.Ordinal);
        JsonObject? best = null;
        var bestScore = double.MinValue;
        foreach (var node in nodes.OrderBy(n => JsonRead.Str(n, "metadata", "name"), StringComparer.Ordinal))
        {
            var (nodeUsed, podCount) = _cache.Usage(JsonRead.Str(node, "metadata", "name") ?? "");
            var allocatable = _cache.Allocatable(node);
            if (NodeFit.Reject(pod, node, allocatable, requests, nodeUsed, podCount) is { } reason)
            {
                reasons[reason] = reasons.GetValueOrDefault(reason) + 1;
                continue;
            }

            var score = Score(allocatable, nodeUsed, requests);
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

        // As kube-scheduler's DefaultBinder: the pod's uid keeps a recreated namesake from being bound in its place.
        var binding = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Binding",
            ["metadata"] = new JsonObject { ["name"] = key.Name, ["namespace"] = key.Namespace, ["uid"] = uid },
            ["target"] = new JsonObject { ["kind"] = "Node", ["name"] = target },
        };
        try
        {
            await _client.CreateSubresourceAsync(SimulatedResources.Pods, key.Namespace, key.Name, "binding", binding, cancellationToken: cancellationToken);
        }
        catch (ApiException ex) when (ex.IsNotFound() || ex.IsConflict())
        {
            // Gone, replaced, or bound meanwhile: the informer's next event tells which.
            return ReconcileResult.Done;
        }

        // A pod the informer already saw deleted must not be assumed back into the cache.
        if (_pods.Indexer.Get(key) is { } current && JsonRead.Str(current, "metadata", "uid") == uid)
        {
            _cache.Assume(uid, target, requests);
        }

        LogBound(_logger, key.Namespace ?? "", key.Name, target);
        return ReconcileResult.Done;
    }

    // A pod with scheduling gates is not ready for scheduling (its binding would be refused).
    private static bool IsPending(JsonObject pod) =>
        JsonRead.Str(pod, "spec", "nodeName") is null
        && JsonRead.Node(pod, "spec", "schedulingGates") is not JsonArray { Count: > 0 }
        && JsonRead.IsPodActive(pod)
        && (JsonRead.Str(pod, "spec", "schedulerName") ?? "default-scheduler") == "default-scheduler";

    private static double Score(Dictionary<string, long> allocatable, Dictionary<string, long> used, Dictionary<string, long> requests)
    {
        double Free(string resource, string scoreKey, long defaultRequest)
        {
            var capacity = allocatable.GetValueOrDefault(resource);
            if (capacity <= 0)
            {
                return 0;
            }

            var after = used.GetValueOrDefault(scoreKey) + SchedulerCache.NonZero(requests, resource, defaultRequest);
            return Math.Max(0, capacity - after) / (double)capacity;
        }

        return (Free("cpu", SchedulerCache.ScoreCpu, SchedulerCache.DefaultMilliCpu) + Free("memory", SchedulerCache.ScoreMemory, SchedulerCache.DefaultMilliMemory)) / 2;
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
