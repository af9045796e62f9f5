using System.Text.Json.Nodes;
using Karmada.Interpreter.Json;

namespace Karmada.Interpreter.Native;

/// <summary>Built-in InterpretHealth (upstream <c>healthy.go</c>).</summary>
internal static class NativeHealth
{
    public static readonly IReadOnlyDictionary<GroupVersionKind, Func<JsonObject, bool>> Handlers = new Dictionary<GroupVersionKind, Func<JsonObject, bool>>
    {
        [NativeKinds.Deployment] = RolloutHealthy,
        [NativeKinds.StatefulSet] = RolloutHealthy,
        [NativeKinds.ReplicaSet] = ReplicaSetHealthy,
        [NativeKinds.DaemonSet] = DaemonSetHealthy,
        [NativeKinds.Service] = ServiceHealthy,
        [NativeKinds.Ingress] = HasLoadBalancerIngress,
        [NativeKinds.PersistentVolumeClaim] = obj => Unstructured.GetString(obj, "status", "phase") == "Bound",
        [NativeKinds.Pod] = PodHealthy,
        [NativeKinds.PodDisruptionBudget] = obj =>
            (Unstructured.GetInt(obj, "status", "currentHealthy") ?? 0) >= (Unstructured.GetInt(obj, "status", "desiredHealthy") ?? 0),
    };

    // Deployment and StatefulSet: the controller saw the latest spec, every desired replica is updated and the updated ones are available.
    private static bool RolloutHealthy(JsonObject obj)
    {
        if (ObservedGeneration(obj) != Unstructured.Generation(obj))
        {
            return false;
        }

        var updated = Unstructured.GetInt(obj, "status", "updatedReplicas") ?? 0;
        if (Unstructured.GetInt(obj, "spec", "replicas") is { } replicas && updated < replicas)
        {
            return false;
        }

        return (Unstructured.GetInt(obj, "status", "availableReplicas") ?? 0) >= updated;
    }

    private static bool ReplicaSetHealthy(JsonObject obj)
    {
        if (ObservedGeneration(obj) != Unstructured.Generation(obj))
        {
            return false;
        }

        return Unstructured.GetInt(obj, "spec", "replicas") is not { } replicas
            || (Unstructured.GetInt(obj, "status", "availableReplicas") ?? 0) >= replicas;
    }

    private static bool DaemonSetHealthy(JsonObject obj)
    {
        if (ObservedGeneration(obj) != Unstructured.Generation(obj))
        {
            return false;
        }

        var updated = Unstructured.GetInt(obj, "status", "updatedNumberScheduled") ?? 0;
        return updated >= (Unstructured.GetInt(obj, "status", "desiredNumberScheduled") ?? 0)
            && (Unstructured.GetInt(obj, "status", "numberAvailable") ?? 0) >= updated;
    }

    private static bool ServiceHealthy(JsonObject obj) =>
        Unstructured.GetString(obj, "spec", "type") != "LoadBalancer" || HasLoadBalancerIngress(obj);

    private static bool HasLoadBalancerIngress(JsonObject obj) =>
        (Unstructured.GetArray(obj, "status", "loadBalancer", "ingress") ?? [])
            .OfType<JsonObject>()
            .Any(i => !string.IsNullOrEmpty(Unstructured.GetString(i, "hostname")) || !string.IsNullOrEmpty(Unstructured.GetString(i, "ip")));

    private static bool PodHealthy(JsonObject obj)
    {
        var phase = Unstructured.GetString(obj, "status", "phase");
        if (phase == "Succeeded")
        {
            return true;
        }

        var ready = (Unstructured.GetArray(obj, "status", "conditions") ?? [])
            .OfType<JsonObject>()
            .FirstOrDefault(c => Unstructured.GetString(c, "type") == "Ready");
        return phase == "Running" && ready is not null && Unstructured.GetString(ready, "status") == "True";
    }

    private static long ObservedGeneration(JsonObject obj) => Unstructured.GetInt(obj, "status", "observedGeneration") ?? 0;
}
