using System.Text.Json.Nodes;

namespace Karmada.Member.Simulation;

/// <summary>
/// kube-scheduler's cache: what every node has committed, kept up to date from pod events instead of summing all pods
/// for every decision. It holds the requests of each bound, unfinished pod and of each assumed pod (bound by this
/// scheduler, the binding not yet seen by the informer), and per node their sums and count. A pod's requests are read
/// once, when it lands on a node: a bound pod's resources do not change (in-place resize is not simulated).
/// Thread-safe: the pod informer updates it while the scheduler reads it.
/// </summary>
internal sealed class SchedulerCache
{
    /// <summary>Usage keys for scoring only: requests with kube-scheduler's non-zero defaults filled in.</summary>
    public const string ScoreCpu = "score/cpu";

    public const string ScoreMemory = "score/memory";

    // kube-scheduler scores pods without requests as if they asked for this much, so they still spread.
    public const long DefaultMilliCpu = 100;
    public const long DefaultMilliMemory = 200L * 1024 * 1024 * 1000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _pods = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NodeTotals> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string ResourceVersion, Dictionary<string, long> Allocatable)> _allocatable = new(StringComparer.Ordinal);

    /// <summary>Records a pod as the informer now shows it (add or update).</summary>
    public void Observe(JsonObject pod)
    {
        var uid = Uid(pod);
        var node = JsonRead.Str(pod, "spec", "nodeName");
        lock (_gate)
        {
            _pods.TryGetValue(uid, out var entry);
            if (node is null || JsonRead.IsPodTerminated(pod))
            {
                // An unbound pod that this scheduler assumed is still on its way to the node: keep it counted.
                if (entry is not null && (JsonRead.IsPodTerminated(pod) || !entry.Assumed))
                {
                    RemoveLocked(uid, entry);
                }

                return;
            }

            if (entry is not null && entry.Node == node)
            {
                entry.Assumed = false;
                return;
            }

            if (entry is not null)
            {
                RemoveLocked(uid, entry);
            }

            AddLocked(uid, new Entry(node, PodRequests.Of(pod), Assumed: false));
        }
    }

    /// <summary>Forgets a deleted pod.</summary>
    public void Forget(JsonObject pod)
    {
        var uid = Uid(pod);
        lock (_gate)
        {
            if (_pods.TryGetValue(uid, out var entry))
            {
                RemoveLocked(uid, entry);
            }
        }
    }

    /// <summary>Counts a pod this scheduler just bound, until the informer shows the binding.</summary>
    public void Assume(string uid, string node, Dictionary<string, long> requests)
    {
        lock (_gate)
        {
            if (!_pods.ContainsKey(uid))
            {
                AddLocked(uid, new Entry(node, requests, Assumed: true));
            }
        }
    }

    /// <summary>Whether the pod is already bound or assumed (a pending pod in this state needs no new decision).</summary>
    public bool Knows(string uid)
    {
        lock (_gate)
        {
            return _pods.ContainsKey(uid);
        }
    }

    /// <summary>A copy of what a node has committed: summed requests (plus the score keys) and the pod count.</summary>
    public (Dictionary<string, long> Used, int Pods) Usage(string node)
    {
        lock (_gate)
        {
            return _nodes.TryGetValue(node, out var totals)
                ? (new Dictionary<string, long>(totals.Used, StringComparer.Ordinal), totals.Pods)
                : (new Dictionary<string, long>(StringComparer.Ordinal), 0);
        }
    }

    /// <summary>The node's allocatable resources in milli-units, parsed once per node resourceVersion.</summary>
    public Dictionary<string, long> Allocatable(JsonObject node)
    {
        var name = JsonRead.Str(node, "metadata", "name") ?? "";
        var resourceVersion = JsonRead.Str(node, "metadata", "resourceVersion") ?? "";
        lock (_gate)
        {
            if (_allocatable.TryGetValue(name, out var cached) && cached.ResourceVersion == resourceVersion && resourceVersion.Length > 0)
            {
                return cached.Allocatable;
            }
        }

        var parsed = PodRequests.ParseList(JsonRead.Obj(node, "status", "allocatable"));
        lock (_gate)
        {
            _allocatable[name] = (resourceVersion, parsed);
        }

        return parsed;
    }

    /// <summary>Forgets a deleted node's parsed allocatable.</summary>
    public void ForgetNode(string name)
    {
        lock (_gate)
        {
            _allocatable.Remove(name);
        }
    }

    public static long NonZero(IReadOnlyDictionary<string, long> requests, string resource, long defaultRequest) =>
        requests.GetValueOrDefault(resource) is > 0 and var request ? request : defaultRequest;

    private static string Uid(JsonObject pod) => JsonRead.Str(pod, "metadata", "uid") ?? "";

    private void AddLocked(string uid, Entry entry)
    {
        _pods[uid] = entry;
        if (!_nodes.TryGetValue(entry.Node, out var totals))
        {
            totals = new NodeTotals();
            _nodes[entry.Node] = totals;
        }

        totals.Apply(entry.Requests, +1);
    }

    private void RemoveLocked(string uid, Entry entry)
    {
        _pods.Remove(uid);
        if (_nodes.TryGetValue(entry.Node, out var totals))
        {
            totals.Apply(entry.Requests, -1);
            if (totals.Pods == 0)
            {
                _nodes.Remove(entry.Node);
            }
        }
    }

    private sealed record Entry(string Node, Dictionary<string, long> Requests, bool Assumed)
    {
        public bool Assumed { get; set; } = Assumed;
    }

    private sealed class NodeTotals
    {
        public Dictionary<string, long> Used { get; } = new(StringComparer.Ordinal);

        public int Pods { get; private set; }

        public void Apply(Dictionary<string, long> requests, int sign)
        {
            foreach (var (name, value) in requests)
            {
                Used[name] = Used.GetValueOrDefault(name) + (sign * value);
            }

            Used[ScoreCpu] = Used.GetValueOrDefault(ScoreCpu) + (sign * NonZero(requests, "cpu", DefaultMilliCpu));
            Used[ScoreMemory] = Used.GetValueOrDefault(ScoreMemory) + (sign * NonZero(requests, "memory", DefaultMilliMemory));
            Pods += sign;
        }
    }
}
