using System.Text.Json.Nodes;

namespace Karmada.Member.Simulation;

/// <summary>
/// The EndpointSlices (<c>discovery.k8s.io/v1</c>) of a Service as the endpointslice controller writes them: IPv4, one
/// per port list (one placeholder without endpoints when there are no pods), labelled with the service name and the
/// managing controller, owned by the Service. Names are <c>SERVICE-XXXXX</c> with a suffix derived from the port list
/// instead of a random one, so a stale cache can never make the controller create a second slice for the same ports.
/// </summary>
internal static class ServiceEndpointSlices
{
    public const string ServiceNameLabel = "kubernetes.io/service-name";
    public const string ManagedByLabel = "endpointslice.kubernetes.io/managed-by";
    public const string ManagedBy = "endpointslice-controller.k8s.io";

    public static IReadOnlyList<JsonObject> Desired(JsonObject service, IReadOnlyList<ServiceBackendGroup> groups, Func<string, string?> zoneOfNode)
    {
        if (groups.Count == 0)
        {
            return [Slice(service, "", [], [])];
        }

        return [.. groups.Select(g => Slice(service, g.PortsKey, g.Ports, g.Backends.Select(b => Endpoint(service, b, zoneOfNode))))];
    }

    public static string Name(string service, string portsKey) => $"{service}-{StableHash.SafeEncode(StableHash.Fnv32(portsKey))[..5]}";

    private static JsonObject Slice(JsonObject service, string portsKey, JsonArray ports, IEnumerable<JsonObject> endpoints)
    {
        var serviceName = JsonRead.Str(service, "metadata", "name")!;
        var labels = ServiceEndpoints.Labels(service, headlessLabel: true);
        labels[ServiceNameLabel] = serviceName;
        labels[ManagedByLabel] = ManagedBy;
        return new JsonObject
        {
            ["apiVersion"] = "discovery.k8s.io/v1",
            ["kind"] = "EndpointSlice",
            ["metadata"] = new JsonObject
            {
                ["name"] = Name(serviceName, portsKey),
                ["namespace"] = JsonRead.Str(service, "metadata", "namespace"),
                ["labels"] = labels,
                ["ownerReferences"] = new JsonArray(PodControl.OwnerReference(service, "Service", "v1")),
            },
            ["addressType"] = "IPv4",
            ["endpoints"] = new JsonArray([.. endpoints]),
            ["ports"] = ports.DeepClone(),
        };
    }

    private static JsonObject Endpoint(JsonObject service, ServiceBackend backend, Func<string, string?> zoneOfNode)
    {
        var endpoint = new JsonObject
        {
            ["addresses"] = new JsonArray(backend.Ip),
            ["conditions"] = new JsonObject { ["ready"] = backend.Ready, ["serving"] = backend.Ready, ["terminating"] = false },
        };
        if (ServiceEndpoints.Hostname(service, backend.Pod) is { } hostname)
        {
            endpoint["hostname"] = hostname;
        }

        endpoint["targetRef"] = ServiceEndpoints.TargetRef(backend.Pod);
        if (JsonRead.Str(backend.Pod, "spec", "nodeName") is { } node)
        {
            endpoint["nodeName"] = node;
            if (zoneOfNode(node) is { } zone)
            {
                endpoint["zone"] = zone;
            }
        }

        return endpoint;
    }
}
