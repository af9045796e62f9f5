using System.Text.Json.Nodes;

namespace Karmada.Member.Simulation;

/// <summary>
/// Which pod updates can change what a workload controller computes from its pods. A binding or an IP, for instance,
/// changes none of a ReplicaSet's counters, so reconciling the ReplicaSet on it would find nothing to do.
/// </summary>
internal static class PodChanges
{
    /// <summary>
    /// True when the update changes a ReplicaSet's view of the pod: whether it is active or ready, its labels, its
    /// controller, or its deletion.
    /// </summary>
    public static bool AffectReplicaSet(JsonObject old, JsonObject pod) =>
        JsonRead.IsPodActive(old) != JsonRead.IsPodActive(pod)
        || JsonRead.IsPodReady(old) != JsonRead.IsPodReady(pod)
        || JsonRead.ControllerUid(old, "ReplicaSet") != JsonRead.ControllerUid(pod, "ReplicaSet")
        || !JsonNode.DeepEquals(JsonRead.Node(old, "metadata", "labels"), JsonRead.Node(pod, "metadata", "labels"))
        || (JsonRead.Node(old, "metadata", "deletionTimestamp") is null) != (JsonRead.Node(pod, "metadata", "deletionTimestamp") is null);
}
