using System.Text.Json.Nodes;

namespace Karmada.Member.Simulation;

/// <summary>The pod writes the DaemonSet controller decided on: pods to create (by node) and pods to delete.</summary>
internal sealed record DaemonSetActions(IReadOnlyList<string> CreateOn, IReadOnlyList<JsonObject> Delete);

/// <summary>
/// The decisions of <c>daemon_controller.go</c> and <c>update.go</c> as pure functions: which nodes should run a daemon
/// pod (nodeSelector, required node affinity, NoSchedule/NoExecute taints against the pod's tolerations plus the
/// node-condition tolerations every daemon pod gets), which pods to create and delete, and the status.
/// </summary>
internal static class DaemonSetPlan
{
    public const string TemplateGenerationLabel = "pod-template-generation";

    private static readonly (string Key, string Effect)[] DaemonTolerations =
    [
        ("node.kubernetes.io/not-ready", "NoExecute"),
        ("node.kubernetes.io/unreachable", "NoExecute"),
        ("node.kubernetes.io/disk-pressure", "NoSchedule"),
        ("node.kubernetes.io/memory-pressure", "NoSchedule"),
        ("node.kubernetes.io/pid-pressure", "NoSchedule"),
        ("node.kubernetes.io/unschedulable", "NoSchedule"),
    ];

    /// <summary>Adds the tolerations upstream gives every daemon pod (<c>AddOrUpdateDaemonPodTolerations</c>).</summary>
    public static void AddDaemonTolerations(JsonObject podSpec)
    {
        if (podSpec["tolerations"] is not JsonArray tolerations)
        {
            tolerations = [];
            podSpec["tolerations"] = tolerations;
        }

        var keys = DaemonTolerations.AsEnumerable();
        if (JsonRead.Bool(podSpec, "hostNetwork") == true)
        {
            keys = keys.Append(("node.kubernetes.io/network-unavailable", "NoSchedule"));
        }

        foreach (var (key, effect) in keys)
        {
            if (!tolerations.OfType<JsonObject>().Any(t => JsonRead.Str(t, "key") == key && JsonRead.Str(t, "effect") == effect))
            {
                tolerations.Add(new JsonObject { ["key"] = key, ["operator"] = "Exists", ["effect"] = effect });
            }
        }
    }

    /// <summary>The pod the set's template gives (tolerations included), to test nodes against.</summary>
    public static JsonObject TemplatePod(JsonObject set)
    {
        var spec = JsonRead.Obj(set, "spec", "template", "spec")?.DeepClone() as JsonObject ?? [];
        AddDaemonTolerations(spec);
        return new JsonObject { ["spec"] = spec };
    }

    public static bool ShouldRun(JsonObject templatePod, JsonObject node) =>
        NodeFit.MatchesAffinity(templatePod, node) && NodeFit.UntoleratedTaint(templatePod, node) is null;

    /// <summary>
    /// Creates a pod on every eligible node without one; deletes pods on ineligible or vanished nodes, surplus pods on
    /// a node (keeping the oldest) and failed pods; under RollingUpdate deletes pods of an old template hash, the
    /// unavailable ones first, the rest only while fewer than maxUnavailable nodes lack an available pod.
    /// </summary>
    public static DaemonSetActions Decide(IEnumerable<string> eligibleNodes, IReadOnlySet<string> existingNodes, IEnumerable<JsonObject> pods, string hash, int? maxUnavailable)
    {
        var eligible = eligibleNodes.ToHashSet(StringComparer.Ordinal);
        var create = new List<string>();
        var delete = new List<JsonObject>();
        var byNode = pods.GroupBy(p => JsonRead.Str(p, "spec", "nodeName") ?? "", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(p => JsonRead.Str(p, "metadata", "creationTimestamp"), StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        foreach (var (node, nodePods) in byNode)
        {
            if (!eligible.Contains(node) || !existingNodes.Contains(node))
            {
                delete.AddRange(nodePods);
                continue;
            }

            var failed = nodePods.Where(JsonRead.IsPodTerminated).ToList();
            delete.AddRange(failed);
            delete.AddRange(nodePods.Except(failed).Skip(1));
        }

        var unavailable = 0;
        var oldAvailable = new List<JsonObject>();
        foreach (var node in eligible.Where(existingNodes.Contains).Order(StringComparer.Ordinal))
        {
            var pod = byNode.GetValueOrDefault(node)?.FirstOrDefault(p => !JsonRead.IsPodTerminated(p));
            if (pod is null)
            {
                create.Add(node);
                unavailable++;
                continue;
            }

            var available = JsonRead.IsPodReady(pod);
            if (!available)
            {
                unavailable++;
            }

            if (maxUnavailable is not null && JsonRead.Str(pod, "metadata", "labels", ControllerRevisions.HashLabel) != hash)
            {
                if (available)
                {
                    oldAvailable.Add(pod);
                }
                else
                {
                    delete.Add(pod);
                }
            }
        }

        if (maxUnavailable is { } budget)
        {
            delete.AddRange(oldAvailable.Take(Math.Max(0, budget - unavailable)));
        }

        return new DaemonSetActions(create, delete);
    }

    public static JsonObject Status(JsonObject set, IReadOnlySet<string> eligibleNodes, IEnumerable<JsonObject> pods, string hash)
    {
        var active = pods.Where(p => !JsonRead.IsPodTerminated(p)).ToList();
        var scheduled = active.GroupBy(p => JsonRead.Str(p, "spec", "nodeName") ?? "", StringComparer.Ordinal).ToList();
        var onEligible = scheduled.Where(g => eligibleNodes.Contains(g.Key)).ToList();
        var ready = onEligible.Count(g => g.Any(JsonRead.IsPodReady));
        return new JsonObject
        {
            ["observedGeneration"] = JsonRead.Long(set, "metadata", "generation") ?? 1,
            ["desiredNumberScheduled"] = eligibleNodes.Count,
            ["currentNumberScheduled"] = onEligible.Count,
            ["numberMisscheduled"] = scheduled.Count - onEligible.Count,
            ["numberReady"] = ready,
            ["numberAvailable"] = ready,
            ["numberUnavailable"] = eligibleNodes.Count - ready,
            ["updatedNumberScheduled"] = onEligible.Count(g => g.Any(p => JsonRead.Str(p, "metadata", "labels", ControllerRevisions.HashLabel) == hash)),
        };
    }
}
