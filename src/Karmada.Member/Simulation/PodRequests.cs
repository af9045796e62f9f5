using System.Text.Json.Nodes;
using Karmada.Api.Core;

namespace Karmada.Member.Simulation;

/// <summary>A pod's resource requests in milli-units, computed as the scheduler does (requests, else limits; init containers as a maximum).</summary>
internal static class PodRequests
{
    public static Dictionary<string, long> Of(JsonObject pod)
    {
        var total = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var container in JsonRead.Objects(pod, "spec", "containers"))
        {
            foreach (var (name, value) in ContainerRequests(container))
            {
                total[name] = total.GetValueOrDefault(name) + value;
            }
        }

        foreach (var container in JsonRead.Objects(pod, "spec", "initContainers"))
        {
            foreach (var (name, value) in ContainerRequests(container))
            {
                total[name] = Math.Max(total.GetValueOrDefault(name), value);
            }
        }

        return total;
    }

    /// <summary>Parses a resource list (capacity, allocatable) into milli-units; unparsable entries are skipped.</summary>
    public static Dictionary<string, long> ParseList(JsonObject? list)
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        if (list is null)
        {
            return result;
        }

        foreach (var (name, value) in list)
        {
            if (value is JsonValue v && Parse(v) is { } milli)
            {
                result[name] = milli;
            }
        }

        return result;
    }

    private static Dictionary<string, long> ContainerRequests(JsonObject container)
    {
        var requests = ParseList(JsonRead.Obj(container, "resources", "requests"));
        foreach (var (name, value) in ParseList(JsonRead.Obj(container, "resources", "limits")))
        {
            requests.TryAdd(name, value);
        }

        return requests;
    }

    private static long? Parse(JsonValue value)
    {
        if (value.TryGetValue<string>(out var text))
        {
            return Quantity.TryParse(text, out var quantity) ? quantity.MilliValue : null;
        }

        return value.TryGetValue<long>(out var number) ? number * 1000 : value.TryGetValue<double>(out var real) ? (long)(real * 1000) : null;
    }
}
