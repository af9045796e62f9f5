using System.Text.Json.Nodes;
using Karmada.Api;
using Karmada.Api.Core;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Interpreter.Json;

namespace Karmada.Interpreter.Native;

/// <summary>
/// Upstream <c>GenerateReplicaRequirements</c>: the node claim (required node affinity, node selector, tolerations)
/// and the summed resource requests of one pod: the sum over containers, raised to any init container's request,
/// plus the pod overhead.
/// </summary>
internal static class ReplicaRequirementsBuilder
{
    public static ReplicaRequirements? Generate(JsonObject? podSpec)
    {
        var nodeClaim = NodeClaimOf(podSpec);
        var resources = ResourceRequest(podSpec);
        if (nodeClaim is null && resources is null)
        {
            return null;
        }

        return new ReplicaRequirements { NodeClaim = nodeClaim, ResourceRequest = resources ?? [] };
    }

    private static NodeClaim? NodeClaimOf(JsonObject? podSpec)
    {
        var affinity = Unstructured.GetObject(podSpec, "affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution");
        var tolerations = Unstructured.GetArray(podSpec, "tolerations");
        var nodeSelector = Unstructured.GetStringMap(podSpec, "nodeSelector");
        var hasTolerations = tolerations is { Count: > 0 };
        var hasNodeSelector = nodeSelector is { Count: > 0 };
        if (affinity is null && !hasTolerations && !hasNodeSelector)
        {
            return null;
        }

        var claim = new NodeClaim();
        if (affinity is not null)
        {
            claim.HardNodeAffinity = KarmadaJson.Deserialize<NodeSelector>(affinity);
        }

        if (hasNodeSelector)
        {
            claim.NodeSelector = nodeSelector!;
        }

        if (hasTolerations)
        {
            claim.Tolerations = KarmadaJson.Deserialize<List<Toleration>>(tolerations!);
        }

        return claim;
    }

    private static ResourceList? ResourceRequest(JsonObject? podSpec)
    {
        var sum = new PodResources();
        foreach (var container in (Unstructured.GetArray(podSpec, "containers") ?? []).OfType<JsonObject>())
        {
            sum.Add(Unstructured.GetStringMap(container, "resources", "requests"));
        }

        foreach (var container in (Unstructured.GetArray(podSpec, "initContainers") ?? []).OfType<JsonObject>())
        {
            sum.SetMax(Unstructured.GetStringMap(container, "resources", "requests"));
        }

        sum.Add(Unstructured.GetStringMap(podSpec, "overhead"));
        return sum.ToResourceList();
    }
}
