using System.Text.Json;
using System.Text.Json.Nodes;
using Karmada.Api.Core;

namespace Karmada.ApiServer.Defaulting;

/// <summary>
/// A pod's quality-of-service class by upstream's rules (<c>pkg/apis/core/helper/qos.ComputePodQOS</c>): only cpu and
/// memory count, and only positive quantities. Requests and limits are summed over containers and init containers
/// (or taken from pod-level <c>spec.resources</c> when set). None at all is <c>BestEffort</c>; <c>Guaranteed</c> needs
/// cpu and memory limits on every container and every summed request equal to the summed limit; anything else is
/// <c>Burstable</c>.
/// </summary>
public static class PodQos
{
    public const string Guaranteed = "Guaranteed";
    public const string Burstable = "Burstable";
    public const string BestEffort = "BestEffort";

    private static readonly string[] ComputeResources = ["cpu", "memory"];

    public static string Compute(JsonObject? podSpec)
    {
        var requests = new Dictionary<string, Quantity>(StringComparer.Ordinal);
        var limits = new Dictionary<string, Quantity>(StringComparer.Ordinal);
        var guaranteed = true;
        if (podSpec?["resources"] is JsonObject podResources)
        {
            Sum(podResources["requests"] as JsonObject, requests);
            if (podResources["limits"] is JsonObject { Count: > 0 } podLimits && !Sum(podLimits, limits))
            {
                guaranteed = false;
            }
        }
        else
        {
            foreach (var list in new[] { "containers", "initContainers" })
            {
                foreach (var container in (podSpec?[list] as JsonArray ?? []).OfType<JsonObject>())
                {
                    var resources = container["resources"] as JsonObject;
                    Sum(resources?["requests"] as JsonObject, requests);
                    if (!Sum(resources?["limits"] as JsonObject, limits))
                    {
                        guaranteed = false;
                    }
                }
            }
        }

        if (requests.Count == 0 && limits.Count == 0)
        {
            return BestEffort;
        }

        guaranteed &= requests.All(r => limits.TryGetValue(r.Key, out var limit) && limit.CompareTo(r.Value) == 0);
        return guaranteed && requests.Count == limits.Count ? Guaranteed : Burstable;
    }

    /// <summary>Adds the positive cpu and memory quantities of <paramref name="list"/>; true when both were there.</summary>
    private static bool Sum(JsonObject? list, Dictionary<string, Quantity> totals)
    {
        var found = 0;
        foreach (var name in ComputeResources)
        {
            if (Read(list?[name]) is { } quantity && quantity.CompareTo(default) > 0)
            {
                totals[name] = totals.TryGetValue(name, out var sum) ? sum + quantity : quantity;
                found++;
            }
        }

        return found == ComputeResources.Length;
    }

    private static Quantity? Read(JsonNode? node) => node is JsonValue value
        && (value.GetValueKind() == JsonValueKind.String ? (string?)value : value.ToJsonString()) is { } text
        && Quantity.TryParse(text, out var quantity)
            ? quantity
            : null;
}
