using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Karmada.Client;
using Karmada.Client.Controllers;
using Karmada.Client.Informers;
using Karmada.Client.Queues;
using Microsoft.Extensions.Logging;

namespace Karmada.Member.Simulation;

/// <summary>
/// The simulated kubelets of all nodes: a pod bound to a node becomes Running and Ready after the startup delay; a pod
/// that does not restart (restartPolicy Never or OnFailure) Succeeds after its run time; pods on a NotReady node are
/// reported not ready (as the node lifecycle controller does) and ready again when the node recovers. Waiting is done
/// with <see cref="ReconcileResult.RequeueAfter"/> timers, never by polling.
/// </summary>
internal sealed partial class KubeletController : IReconciler<ObjectKey>
{
    public const string Name = "kubelet";

    /// <summary>Pod annotation overriding how long a non-restarting pod runs, in milliseconds.</summary>
    public const string RunMillisecondsAnnotation = "simulator.karmada.io/run-milliseconds";

    private const string NodeIndex = "node";

    private readonly KubeApiClient _client;
    private readonly SharedInformer<JsonObject> _pods;
    private readonly SharedInformer<JsonObject> _nodes;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _startupDelay;
    private readonly TimeSpan _jobRunTime;
    private readonly TimeSpan _terminationDelay;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _accepted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _terminating = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _nextIp = new(StringComparer.Ordinal);

    // The resourceVersion of the kubelet's last status write per pod, until the informer delivers it.
    private readonly ConcurrentDictionary<ObjectKey, string> _ownWrites = new();

    public KubeletController(
        KubeApiClient client,
        SharedInformer<JsonObject> pods,
        SharedInformer<JsonObject> nodes,
        TimeSpan startupDelay,
        TimeSpan jobRunTime,
        TimeSpan terminationDelay,
        TimeProvider timeProvider,
        ILogger logger)
    {
        _client = client;
        _pods = pods;
        _nodes = nodes;
        _startupDelay = startupDelay;
        _jobRunTime = jobRunTime;
        _terminationDelay = terminationDelay;
        _timeProvider = timeProvider;
        _logger = logger;
        if (!_pods.Indexer.HasIndex(NodeIndex))
        {
            _pods.Indexer.AddIndex(NodeIndex, pod => JsonRead.Str(pod, "spec", "nodeName") is { } node ? [node] : []);
        }
    }

    public void Register(WorkQueue<ObjectKey> queue)
    {
        _pods.AddEventHandler(
            onAdd: pod => EnqueueIfBound(queue, pod),
            onUpdate: (_, pod) =>
            {
                // The kubelet's own status write: whatever follows it is already on a RequeueAfter timer.
                if (!(_ownWrites.TryRemove(JsonObjectMeta.Accessor.GetKey(pod), out var written)
                    && written == JsonRead.Str(pod, "metadata", "resourceVersion")))
                {
                    EnqueueIfBound(queue, pod);
                }
            },
            onDelete: pod =>
            {
                _ownWrites.TryRemove(JsonObjectMeta.Accessor.GetKey(pod), out _);
                lock (_gate)
                {
                    _accepted.Remove(JsonRead.Str(pod, "metadata", "uid") ?? "");
                    _terminating.Remove(JsonRead.Str(pod, "metadata", "uid") ?? "");
                }
            });
        _nodes.AddEventHandler(onUpdate: (old, node) =>
        {
            if (JsonRead.ConditionStatus(old, "Ready") != JsonRead.ConditionStatus(node, "Ready"))
            {
                foreach (var pod in _pods.Indexer.ByIndex(NodeIndex, JsonRead.Str(node, "metadata", "name") ?? ""))
                {
                    EnqueueIfBound(queue, pod);
                }
            }
        });
    }

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var pod = _pods.Indexer.Get(key);
        if (pod is null || JsonRead.Str(pod, "spec", "nodeName") is not { } nodeName)
        {
            return ReconcileResult.Done;
        }

        if (IsGracefullyTerminating(pod))
        {
            return await TerminateAsync(pod, cancellationToken);
        }

        if (!JsonRead.IsPodActive(pod))
        {
            return ReconcileResult.Done;
        }

        var node = _nodes.Indexer.Get(nodeName);
        if (node is null)
        {
            return ReconcileResult.Done;
        }

        var now = _timeProvider.GetUtcNow();
        var uid = JsonRead.Str(pod, "metadata", "uid") ?? "";
        var nodeReady = JsonRead.ConditionStatus(node, "Ready") == "True";
        var phase = JsonRead.Str(pod, "status", "phase");
        if (phase is null or "Pending")
        {
            DateTimeOffset accepted;
            lock (_gate)
            {
                if (!_accepted.TryGetValue(uid, out accepted))
                {
                    accepted = now;
                    _accepted[uid] = now;
                }
            }

            var remaining = accepted + _startupDelay - now;
            if (remaining > TimeSpan.Zero)
            {
                return ReconcileResult.After(remaining);
            }

            await UpdateStatusAsync(StatusBody.For(pod, RunningStatus(pod, node, nodeReady, now)), cancellationToken);
            LogStarted(_logger, key.Namespace ?? "", key.Name, nodeName);
            return RunsToCompletion(pod) ? ReconcileResult.After(RunTime(pod)) : ReconcileResult.Done;
        }

        if (phase != "Running")
        {
            return ReconcileResult.Done;
        }

        if (RunsToCompletion(pod))
        {
            var started = DateTimeOffset.Parse(JsonRead.Str(pod, "status", "startTime") ?? Timestamps.Format(now), CultureInfo.InvariantCulture);
            var left = started + RunTime(pod) - now;
            if (left > TimeSpan.Zero)
            {
                return ReconcileResult.After(left);
            }

            var done = WithStatusCopy(pod);
            Complete(done, now);
            await UpdateStatusAsync(done, cancellationToken);
            return ReconcileResult.Done;
        }

        if (JsonRead.IsPodReady(pod) != nodeReady)
        {
            var changed = WithStatusCopy(pod);
            SetReady(changed, nodeReady, nodeReady ? "" : "NodeNotReady", now);
            await UpdateStatusAsync(changed, cancellationToken);
        }

        return ReconcileResult.Done;
    }

    /// <summary>Deleted with a grace period: the kubelet's part is to stop the containers, then delete the pod for good.</summary>
    private static bool IsGracefullyTerminating(JsonObject pod) =>
        JsonRead.Node(pod, "metadata", "deletionTimestamp") is not null && DeletionGracePeriod(pod) > TimeSpan.Zero;

    private static TimeSpan DeletionGracePeriod(JsonObject pod) =>
        JsonRead.Node(pod, "metadata", "deletionGracePeriodSeconds") is JsonValue value && value.TryGetValue<long>(out var seconds)
            ? TimeSpan.FromSeconds(seconds) : TimeSpan.Zero;

    // Containers stop first (the pod turns not ready, its phase stays), then the pod goes with grace 0 once the
    // simulated shutdown, capped by the grace period, is over. The uid precondition spares a recreated namesake.
    private async Task<ReconcileResult> TerminateAsync(JsonObject pod, CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        var uid = JsonRead.Str(pod, "metadata", "uid") ?? "";
        DateTimeOffset since;
        lock (_gate)
        {
            if (!_terminating.TryGetValue(uid, out since))
            {
                since = now;
                _terminating[uid] = now;
            }
        }

        if (JsonRead.IsPodReady(pod) && JsonRead.Obj(pod, "status") is not null)
        {
            var stopping = WithStatusCopy(pod);
            SetReady(stopping, false, "PodTerminating", now);
            await UpdateStatusAsync(stopping, cancellationToken);
        }

        var delay = _terminationDelay < DeletionGracePeriod(pod) ? _terminationDelay : DeletionGracePeriod(pod);
        var remaining = since + delay - now;
        if (remaining > TimeSpan.Zero)
        {
            return ReconcileResult.After(remaining);
        }

        try
        {
            var options = new DeleteOptions { GracePeriodSeconds = 0, Preconditions = new DeletePreconditions { Uid = uid } };
            await _client.DeleteAsync(SimulatedResources.Pods, JsonRead.Str(pod, "metadata", "namespace"), JsonRead.Str(pod, "metadata", "name")!, options, cancellationToken);
            LogTerminated(_logger, JsonRead.Str(pod, "metadata", "namespace") ?? "", JsonRead.Str(pod, "metadata", "name") ?? "");
        }
        catch (ApiException ex) when (ex.IsNotFound() || ex.IsConflict())
        {
        }

        return ReconcileResult.Done;
    }

    // A status write's body with a private copy of the pod's current status to change.
    private static JsonObject WithStatusCopy(JsonObject pod) =>
        StatusBody.For(pod, JsonRead.Obj(pod, "status")?.DeepClone() as JsonObject ?? []);

    private static bool RunsToCompletion(JsonObject pod) => JsonRead.Str(pod, "spec", "restartPolicy") is "Never" or "OnFailure";

    private TimeSpan RunTime(JsonObject pod) =>
        JsonRead.Str(pod, "metadata", "annotations", RunMillisecondsAnnotation) is { } text
        && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? TimeSpan.FromMilliseconds(ms)
            : _jobRunTime;

    private JsonObject RunningStatus(JsonObject pod, JsonObject node, bool ready, DateTimeOffset now)
    {
        var stamp = Timestamps.Format(now);
        var hostIp = JsonRead.Objects(node, "status", "addresses").FirstOrDefault(a => JsonRead.Str(a, "type") == "InternalIP") is { } address
            ? JsonRead.Str(address, "address") ?? "" : "";
        var podIp = AllocateIp(node);
        var readyText = ready ? "True" : "False";
        JsonObject Condition(string type, string status) => new() { ["type"] = type, ["status"] = status, ["lastProbeTime"] = null, ["lastTransitionTime"] = stamp };
        var uid = JsonRead.Str(pod, "metadata", "uid") ?? "";
        var containers = new JsonArray();
        foreach (var container in JsonRead.Objects(pod, "spec", "containers"))
        {
            var name = JsonRead.Str(container, "name") ?? "";
            var image = JsonRead.Str(container, "image") ?? "";
            containers.Add(new JsonObject
            {
                ["name"] = name,
                ["state"] = new JsonObject { ["running"] = new JsonObject { ["startedAt"] = stamp } },
                ["lastState"] = new JsonObject(),
                ["ready"] = ready,
                ["restartCount"] = 0,
                ["image"] = image,
                ["imageID"] = $"{image}@sha256:{Hash(image)}",
                ["containerID"] = $"containerd://{Hash(uid + "/" + name)}",
                ["started"] = true,
            });
        }

        return new JsonObject
        {
            ["phase"] = "Running",
            ["conditions"] = new JsonArray(
                Condition("PodReadyToStartContainers", "True"),
                Condition("Initialized", "True"),
                Condition("Ready", readyText),
                Condition("ContainersReady", readyText),
                Condition("PodScheduled", "True")),
            ["hostIP"] = hostIp,
            ["hostIPs"] = new JsonArray(new JsonObject { ["ip"] = hostIp }),
            ["podIP"] = podIp,
            ["podIPs"] = new JsonArray(new JsonObject { ["ip"] = podIp }),
            ["startTime"] = stamp,
            ["containerStatuses"] = containers,
            ["qosClass"] = JsonRead.Str(pod, "status", "qosClass") ?? QosClass(pod),
        };
    }

    private static void Complete(JsonObject pod, DateTimeOffset now)
    {
        var status = (JsonObject)pod["status"]!;
        status["phase"] = "Succeeded";
        SetReady(pod, false, "PodCompleted", now);
        foreach (var container in JsonRead.Objects(status, "containerStatuses"))
        {
            var started = JsonRead.Str(container, "state", "running", "startedAt");
            container["state"] = new JsonObject
            {
                ["terminated"] = new JsonObject
                {
                    ["exitCode"] = 0,
                    ["reason"] = "Completed",
                    ["startedAt"] = started,
                    ["finishedAt"] = Timestamps.Format(now),
                    ["containerID"] = JsonRead.Str(container, "containerID"),
                },
            };
            container["ready"] = false;
            container["started"] = false;
        }
    }

    private static void SetReady(JsonObject pod, bool ready, string reason, DateTimeOffset now)
    {
        var status = (JsonObject)pod["status"]!;
        var text = ready ? "True" : "False";
        foreach (var type in new[] { "Ready", "ContainersReady" })
        {
            Conditions.Set(status, type, text, reason, "", now);
        }

        foreach (var container in JsonRead.Objects(status, "containerStatuses"))
        {
            container["ready"] = ready;
        }
    }

    private static string QosClass(JsonObject pod)
    {
        var containers = JsonRead.Objects(pod, "spec", "containers").ToList();
        var any = containers.Any(c => JsonRead.Obj(c, "resources", "requests")?.Count > 0 || JsonRead.Obj(c, "resources", "limits")?.Count > 0);
        if (!any)
        {
            return "BestEffort";
        }

        var guaranteed = containers.All(c =>
        {
            var limits = JsonRead.StringMap(c, "resources", "limits");
            var requests = JsonRead.StringMap(c, "resources", "requests");
            return limits.ContainsKey("cpu") && limits.ContainsKey("memory")
                && requests.All(r => limits.TryGetValue(r.Key, out var limit) && limit == r.Value);
        });
        return guaranteed ? "Guaranteed" : "Burstable";
    }

    private string AllocateIp(JsonObject node)
    {
        var cidr = JsonRead.Str(node, "spec", "podCIDR") ?? "10.244.0.0/24";
        var prefix = cidr[..(cidr.LastIndexOf('.') + 1)];
        lock (_gate)
        {
            var next = _nextIp.GetValueOrDefault(cidr, 2);
            _nextIp[cidr] = next >= 254 ? 2 : next + 1;
            return prefix + next.ToString(CultureInfo.InvariantCulture);
        }
    }

    private async Task UpdateStatusAsync(JsonObject pod, CancellationToken cancellationToken)
    {
        try
        {
            var stored = await _client.UpdateStatusAsync(SimulatedResources.Pods, pod, cancellationToken: cancellationToken);
            if (JsonRead.Str(stored, "metadata", "resourceVersion") is { } version)
            {
                _ownWrites[JsonObjectMeta.Accessor.GetKey(stored)] = version;
            }
        }
        catch (ApiException ex) when (ex.IsNotFound())
        {
        }
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static void EnqueueIfBound(WorkQueue<ObjectKey> queue, JsonObject pod)
    {
        if (JsonRead.Str(pod, "spec", "nodeName") is not null && (JsonRead.IsPodActive(pod) || IsGracefullyTerminating(pod)))
        {
            queue.Add(JsonObjectMeta.Accessor.GetKey(pod));
        }
    }

    // Event ids 8300-8399: kubelet. Next free id: 8302.
    [LoggerMessage(8300, LogLevel.Debug, "Started {Namespace}/{Name} on {Node}")]
    private static partial void LogStarted(ILogger logger, string @namespace, string name, string node);

    [LoggerMessage(8301, LogLevel.Debug, "Terminated {Namespace}/{Name}")]
    private static partial void LogTerminated(ILogger logger, string @namespace, string name);
}
