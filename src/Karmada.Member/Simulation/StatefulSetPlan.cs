using System.Globalization;
using System.Text.Json.Nodes;

namespace Karmada.Member.Simulation;

/// <summary>One pod write the StatefulSet controller decided on: create ordinal N at a revision, or delete a pod.</summary>
internal sealed record StatefulSetAction(int Ordinal, string? CreateRevision, JsonObject? Delete);

/// <summary>The StatefulSet's spec fields that drive its pods.</summary>
internal sealed record StatefulSetShape(int Replicas, bool Parallel, bool RollingUpdate, int Partition)
{
    public static StatefulSetShape Of(JsonObject set) => new(
        (int)(JsonRead.Long(set, "spec", "replicas") ?? 1),
        JsonRead.Str(set, "spec", "podManagementPolicy") == "Parallel",
        JsonRead.Str(set, "spec", "updateStrategy", "type") != "OnDelete",
        (int)(JsonRead.Long(set, "spec", "updateStrategy", "rollingUpdate", "partition") ?? 0));
}

/// <summary>
/// The decisions of <c>stateful_set_control.go</c> as a pure function of the set and its pods by ordinal: create
/// missing ordinals (OrderedReady: one at a time, each only once all lower ones are Running and Ready; Parallel: all at
/// once), replace failed pods, remove ordinals at or above <c>replicas</c> from the highest down, and roll pods of an
/// old revision from the highest ordinal down to the partition, one at a time, each after the rest are healthy.
/// </summary>
internal static class StatefulSetPlan
{
    public static IReadOnlyList<StatefulSetAction> Decide(StatefulSetShape shape, IReadOnlyDictionary<int, JsonObject> pods, string currentRevision, string updateRevision)
    {
        var actions = new List<StatefulSetAction>();
        var ordered = !shape.Parallel;
        var allHealthy = true;
        for (var ordinal = 0; ordinal < shape.Replicas; ordinal++)
        {
            if (!pods.TryGetValue(ordinal, out var pod))
            {
                var revision = shape.RollingUpdate && ordinal < shape.Partition ? currentRevision : updateRevision;
                actions.Add(new StatefulSetAction(ordinal, revision, null));
                allHealthy = false;
                if (ordered)
                {
                    return actions;
                }

                continue;
            }

            if (IsTerminating(pod))
            {
                // Being deleted gracefully: its ordinal comes back once it is gone.
                allHealthy = false;
                if (ordered)
                {
                    return actions;
                }

                continue;
            }

            if (JsonRead.IsPodTerminated(pod))
            {
                actions.Add(new StatefulSetAction(ordinal, null, pod));
                allHealthy = false;
                if (ordered)
                {
                    return actions;
                }

                continue;
            }

            if (!IsRunningAndReady(pod))
            {
                allHealthy = false;
                if (ordered)
                {
                    return actions;
                }
            }
        }

        var condemned = pods.Where(p => p.Key >= shape.Replicas).OrderByDescending(p => p.Key).ToList();
        if (condemned.Count > 0)
        {
            if (ordered && !allHealthy)
            {
                return actions;
            }

            foreach (var (ordinal, pod) in (ordered ? condemned.Take(1) : condemned).Where(p => !IsTerminating(p.Value)))
            {
                actions.Add(new StatefulSetAction(ordinal, null, pod));
            }

            return actions;
        }

        if (actions.Count > 0 || !shape.RollingUpdate)
        {
            return actions;
        }

        for (var ordinal = shape.Replicas - 1; ordinal >= Math.Max(0, shape.Partition); ordinal--)
        {
            var pod = pods[ordinal];
            if (Revision(pod) != updateRevision)
            {
                if (!IsTerminating(pod))
                {
                    actions.Add(new StatefulSetAction(ordinal, null, pod));
                }

                return actions;
            }

            if (!IsRunningAndReady(pod))
            {
                return actions;
            }
        }

        return actions;
    }

    /// <summary>
    /// The status of the set given its pods: counts, and the current revision, which becomes the update revision once
    /// a rolling update has made every pod updated and ready.
    /// </summary>
    public static JsonObject Status(JsonObject set, IReadOnlyCollection<JsonObject> pods, string currentRevision, string updateRevision)
    {
        var ready = pods.Count(IsRunningAndReady);
        var current = pods.Count(p => Revision(p) == currentRevision);
        var updated = pods.Count(p => Revision(p) == updateRevision);
        if (StatefulSetShape.Of(set).RollingUpdate && updated == pods.Count && ready == pods.Count)
        {
            currentRevision = updateRevision;
            current = updated;
        }

        return new JsonObject
        {
            ["observedGeneration"] = JsonRead.Long(set, "metadata", "generation") ?? 1,
            ["replicas"] = pods.Count,
            ["readyReplicas"] = ready,
            ["currentReplicas"] = current,
            ["updatedReplicas"] = updated,
            ["availableReplicas"] = ready,
            ["currentRevision"] = currentRevision,
            ["updateRevision"] = updateRevision,
            ["collisionCount"] = 0,
        };
    }

    /// <summary>The ordinal in a pod name <c>SET-N</c>, or null when the name is not one of the set's.</summary>
    public static int? Ordinal(string setName, string? podName) =>
        podName is not null && podName.Length > setName.Length + 1 && podName.StartsWith(setName + "-", StringComparison.Ordinal)
        && int.TryParse(podName.AsSpan(setName.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal)
            ? ordinal : null;

    public static string? Revision(JsonObject pod) => JsonRead.Str(pod, "metadata", "labels", ControllerRevisions.HashLabel);

    public static bool IsTerminating(JsonObject pod) => JsonRead.Node(pod, "metadata", "deletionTimestamp") is not null;

    public static bool IsRunningAndReady(JsonObject pod) => JsonRead.Str(pod, "status", "phase") == "Running" && JsonRead.IsPodReady(pod);
}
