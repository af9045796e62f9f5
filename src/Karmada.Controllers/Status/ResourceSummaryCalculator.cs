using System.Text.Json.Nodes;
using Karmada.Api.Core;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Controllers.Status;

/// <summary>
/// Node and resource summaries of a member from its nodes and pods (upstream <c>getNodeSummary</c>,
/// <c>getAllocatableResources</c>, <c>getAllocatingResource</c>, <c>getAllocatedResource</c>): allocatable is the sum
/// over all nodes; allocating sums the requests of pods with no node; allocated sums the requests of bound pods that
/// are not Succeeded or Failed; both carry a <c>pods</c> count. Zero amounts are left out, as upstream.
/// </summary>
public static class ResourceSummaryCalculator
{
    public static ClusterV1Alpha1.NodeSummary NodeSummary(IReadOnlyCollection<JsonObject> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        return new ClusterV1Alpha1.NodeSummary { TotalNum = nodes.Count, ReadyNum = nodes.Count(IsNodeReady) };
    }

    public static ClusterV1Alpha1.ResourceSummary ResourceSummary(IReadOnlyCollection<JsonObject> nodes, IReadOnlyCollection<JsonObject> pods)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(pods);
        var allocatable = new Dictionary<string, Quantity>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            AddAll(allocatable, ReadList(node["status"]?["allocatable"]));
        }

        var allocating = new Dictionary<string, Quantity>(StringComparer.Ordinal);
        var allocated = new Dictionary<string, Quantity>(StringComparer.Ordinal);
        long allocatingPods = 0, allocatedPods = 0;
        foreach (var pod in pods)
        {
            var nodeName = pod["spec"]?["nodeName"]?.GetValue<string>();
            var phase = pod["status"]?["phase"]?.GetValue<string>();
            if (string.IsNullOrEmpty(nodeName))
            {
                AddAll(allocating, PodRequests(pod));
                allocatingPods++;
            }
            else if (phase is not ("Succeeded" or "Failed"))
            {
                AddAll(allocated, PodRequests(pod));
                allocatedPods++;
            }
        }

        allocating[ResourceNames.Pods] = Quantity.FromValue(allocatingPods);
        allocated[ResourceNames.Pods] = Quantity.FromValue(allocatedPods);
        return new ClusterV1Alpha1.ResourceSummary
        {
            Allocatable = ToList(allocatable),
            Allocating = ToList(allocating),
            Allocated = ToList(allocated),
        };
    }

    /// <summary>
    /// The effective requests of a pod (scheduler semantics): the larger of the sum over containers and each init
    /// container, plus the pod overhead.
    /// </summary>
    public static Dictionary<string, Quantity> PodRequests(JsonObject pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var total = new Dictionary<string, Quantity>(StringComparer.Ordinal);
        foreach (var container in Containers(pod, "containers"))
        {
            AddAll(total, ReadList(container["resources"]?["requests"]));
        }

        foreach (var init in Containers(pod, "initContainers"))
        {
            foreach (var (name, quantity) in ReadList(init["resources"]?["requests"]))
            {
                total[name] = total.TryGetValue(name, out var existing) ? Quantity.Max(existing, quantity) : quantity;
            }
        }

        AddAll(total, ReadList(pod["spec"]?["overhead"]));
        return total;
    }

    private static bool IsNodeReady(JsonObject node) =>
        node["status"]?["conditions"] is JsonArray conditions
        && conditions.OfType<JsonObject>().Any(c =>
            c["type"]?.GetValue<string>() == "Ready" && c["status"]?.GetValue<string>() == "True");

    private static IEnumerable<JsonObject> Containers(JsonObject pod, string field) =>
        pod["spec"]?[field] is JsonArray array ? array.OfType<JsonObject>() : [];

    private static IEnumerable<(string Name, Quantity Quantity)> ReadList(JsonNode? node)
    {
        if (node is not JsonObject list)
        {
            yield break;
        }

        foreach (var (name, value) in list)
        {
            var text = value is JsonValue v ? (v.TryGetValue<string>(out var s) ? s : v.ToJsonString()) : null;
            if (Quantity.TryParse(text, out var quantity))
            {
                yield return (name, quantity);
            }
        }
    }

    private static void AddAll(Dictionary<string, Quantity> total, IEnumerable<(string Name, Quantity Quantity)> items)
    {
        foreach (var (name, quantity) in items)
        {
            total[name] = total.TryGetValue(name, out var existing) ? existing + quantity : quantity;
        }
    }

    private static void AddAll(Dictionary<string, Quantity> total, Dictionary<string, Quantity> items) =>
        AddAll(total, items.Select(kv => (kv.Key, kv.Value)));

    private static ResourceList ToList(Dictionary<string, Quantity> quantities) =>
        ResourceList.FromQuantities(quantities.Where(kv => !kv.Value.IsZero).OrderBy(kv => kv.Key, StringComparer.Ordinal));
}
