using System.Globalization;
using System.Text.Json.Nodes;
using Karmada.Client;
using Karmada.Client.Controllers;
using Karmada.Client.Informers;
using Karmada.Client.Queues;
using Karmada.Member.Faults;
using Karmada.Member.Profiles;
using Microsoft.Extensions.Logging;

namespace Karmada.Member.Simulation;

/// <summary>
/// Keeps the member's simulated nodes as the profile describes them: creates them (labels, taints, capacity,
/// allocatable, addresses, nodeInfo, Ready) and recreates deleted ones; the first <see cref="FaultState.NotReadyNodes"/>
/// nodes are NotReady and tainted <c>node.kubernetes.io/not-ready:NoSchedule</c>, as the node lifecycle controller does.
/// </summary>
internal sealed partial class NodeController : IReconciler<ObjectKey>
{
    public const string Name = "node-simulator";
    public const string NotReadyTaintKey = "node.kubernetes.io/not-ready";

    private readonly KubeApiClient _client;
    private readonly SharedInformer<JsonObject> _nodes;
    private readonly MemberProfile _profile;
    private readonly string _memberName;
    private readonly int _memberIndex;
    private readonly FaultInjector _faults;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public NodeController(
        KubeApiClient client,
        SharedInformer<JsonObject> nodes,
        string memberName,
        MemberProfile profile,
        FaultInjector faults,
        TimeProvider timeProvider,
        ILogger logger)
    {
        _client = client;
        _nodes = nodes;
        _memberName = memberName;
        _profile = profile;
        _faults = faults;
        _timeProvider = timeProvider;
        _logger = logger;
        _memberIndex = (int)(StableHash.Fnv32(memberName) % 250) + 1;
        NodeNames = [.. Enumerable.Range(0, profile.Nodes).Select(i => $"{memberName}-node-{i}")];
    }

    public IReadOnlyList<string> NodeNames { get; }

    public void Register(WorkQueue<ObjectKey> queue)
    {
        var names = NodeNames.ToHashSet(StringComparer.Ordinal);
        void Enqueue(JsonObject node)
        {
            if (JsonRead.Str(node, "metadata", "name") is { } name && names.Contains(name))
            {
                queue.Add(new ObjectKey(null, name));
            }
        }

        _nodes.AddEventHandler(onUpdate: (_, node) => Enqueue(node), onDelete: Enqueue);
        _faults.Changed += _ => EnqueueAll(queue);
        EnqueueAll(queue);
    }

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var index = NodeNames.ToList().IndexOf(key.Name);
        if (index < 0)
        {
            return ReconcileResult.Done;
        }

        var ready = index >= _faults.Current.NotReadyNodes;
        var now = _timeProvider.GetUtcNow();
        var node = _nodes.Indexer.Get(key);
        if (node is null)
        {
            try
            {
                node = await _client.CreateAsync(SimulatedResources.Nodes, NewNode(key.Name, index, ready), cancellationToken: cancellationToken);
                LogCreated(_logger, key.Name);
            }
            catch (ApiException ex) when (ex.IsAlreadyExists())
            {
                node = await _client.GetAsync(SimulatedResources.Nodes, null, key.Name, cancellationToken);
            }
        }

        var taints = JsonRead.Objects(node, "spec", "taints").ToList();
        var hasTaint = taints.Any(t => JsonRead.Str(t, "key") == NotReadyTaintKey);
        if (hasTaint == ready)
        {
            node = ObjectCloner.DeepClone(node);
            var spec = (JsonObject)(node["spec"] ??= new JsonObject());
            var list = new JsonArray();
            foreach (var taint in taints.Where(t => JsonRead.Str(t, "key") != NotReadyTaintKey))
            {
                list.Add(taint.DeepClone());
            }

            if (!ready)
            {
                list.Add(new JsonObject { ["key"] = NotReadyTaintKey, ["effect"] = "NoSchedule", ["timeAdded"] = Timestamps.Format(now) });
            }

            spec["taints"] = list;
            node = await _client.UpdateAsync(SimulatedResources.Nodes, node, cancellationToken: cancellationToken);
        }

        if (JsonRead.Obj(node, "status", "nodeInfo") is null || (JsonRead.ConditionStatus(node, "Ready") == "True") != ready)
        {
            node = ObjectCloner.DeepClone(node);
            var status = JsonRead.Obj(node, "status", "nodeInfo") is null ? NewStatus(index) : (JsonObject)node["status"]!;
            node["status"] = status;
            Conditions.Set(status, "Ready", ready ? "True" : "False", ready ? "KubeletReady" : "KubeletNotReady",
                ready ? "kubelet is posting ready status" : "simulated fault: node is not ready", now);
            foreach (var condition in JsonRead.Objects(status, "conditions"))
            {
                condition["lastHeartbeatTime"] = Timestamps.Format(now);
            }

            await _client.UpdateStatusAsync(SimulatedResources.Nodes, node, cancellationToken: cancellationToken);
            LogReadiness(_logger, key.Name, ready);
        }

        return ReconcileResult.Done;
    }

    private void EnqueueAll(WorkQueue<ObjectKey> queue)
    {
        foreach (var name in NodeNames)
        {
            queue.Add(new ObjectKey(null, name));
        }
    }

    private JsonObject NewNode(string name, int index, bool ready)
    {
        var labels = new JsonObject
        {
            ["beta.kubernetes.io/arch"] = "amd64",
            ["beta.kubernetes.io/os"] = "linux",
            ["kubernetes.io/arch"] = "amd64",
            ["kubernetes.io/hostname"] = name,
            ["kubernetes.io/os"] = "linux",
            ["node.kubernetes.io/instance-type"] = "simulated",
            ["topology.kubernetes.io/region"] = _profile.Region,
        };
        if (_profile.Zones.Count > 0)
        {
            labels["topology.kubernetes.io/zone"] = _profile.Zones[index % _profile.Zones.Count];
        }

        foreach (var (key, value) in _profile.Labels)
        {
            labels[key] = value;
        }

        var taints = new JsonArray();
        foreach (var taint in _profile.Taints)
        {
            var item = new JsonObject { ["key"] = taint.Key, ["effect"] = taint.Effect };
            if (taint.Value is not null)
            {
                item["value"] = taint.Value;
            }

            taints.Add(item);
        }

        if (!ready)
        {
            taints.Add(new JsonObject { ["key"] = NotReadyTaintKey, ["effect"] = "NoSchedule", ["timeAdded"] = Timestamps.Format(_timeProvider.GetUtcNow()) });
        }

        var spec = new JsonObject
        {
            ["podCIDR"] = PodCidr(index),
            ["podCIDRs"] = new JsonArray(PodCidr(index)),
            ["providerID"] = $"simulated://{_memberName}/{name}",
        };
        if (taints.Count > 0)
        {
            spec["taints"] = taints;
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Node",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["labels"] = labels,
                ["annotations"] = new JsonObject
                {
                    ["node.alpha.kubernetes.io/ttl"] = "0",
                    ["simulator.karmada.io/member"] = _memberName,
                },
            },
            ["spec"] = spec,
        };
    }

    private JsonObject NewStatus(int index)
    {
        var now = Timestamps.Format(_timeProvider.GetUtcNow());
        var capacity = new JsonObject();
        foreach (var (name, value) in _profile.Capacity)
        {
            capacity[name] = value;
        }

        JsonObject Condition(string type, string status, string reason, string message) => new()
        {
            ["type"] = type,
            ["status"] = status,
            ["lastHeartbeatTime"] = now,
            ["lastTransitionTime"] = now,
            ["reason"] = reason,
            ["message"] = message,
        };
        var nodeName = NodeNames[index];
        var ip = $"172.{16 + (_memberIndex / 64)}.{_memberIndex % 64 * 4 + (index / 250)}.{(index % 250) + 2}";
        var machineId = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(nodeName)))[..32];
        var version = _profile.KubernetesVersion;
        return new JsonObject
        {
            ["capacity"] = capacity,
            ["allocatable"] = capacity.DeepClone(),
            ["conditions"] = new JsonArray(
                Condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
                Condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
                Condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
                Condition("Ready", "True", "KubeletReady", "kubelet is posting ready status")),
            ["addresses"] = new JsonArray(
                new JsonObject { ["type"] = "InternalIP", ["address"] = ip },
                new JsonObject { ["type"] = "Hostname", ["address"] = nodeName }),
            ["daemonEndpoints"] = new JsonObject { ["kubeletEndpoint"] = new JsonObject { ["Port"] = 10250 } },
            ["nodeInfo"] = new JsonObject
            {
                ["machineID"] = machineId,
                ["systemUUID"] = machineId,
                ["bootID"] = machineId,
                ["kernelVersion"] = "6.1.0-simulated",
                ["osImage"] = "Karmada.NET simulated node",
                ["containerRuntimeVersion"] = "containerd://1.7.0-simulated",
                ["kubeletVersion"] = version,
                ["kubeProxyVersion"] = version,
                ["operatingSystem"] = "linux",
                ["architecture"] = "amd64",
            },
        };
    }

    private static string PodCidr(int index) =>
        string.Create(CultureInfo.InvariantCulture, $"10.{128 + (index / 256)}.{index % 256}.0/24");

    // Event ids 8100-8199: nodes. Next free id: 8102.
    [LoggerMessage(8100, LogLevel.Debug, "Created node {Node}")]
    private static partial void LogCreated(ILogger logger, string node);

    [LoggerMessage(8101, LogLevel.Information, "Node {Node} ready: {Ready}")]
    private static partial void LogReadiness(ILogger logger, string node, bool ready);
}
