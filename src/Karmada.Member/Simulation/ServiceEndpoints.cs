using System.Globalization;
using System.Text.Json.Nodes;

namespace Karmada.Member.Simulation;

/// <summary>One backend pod of a Service: the pod, whether it serves traffic, and its resolved ports.</summary>
internal sealed record ServiceBackend(JsonObject Pod, string Ip, bool Ready);

/// <summary>Backends sharing one resolved port list (a subset of Endpoints, an EndpointSlice).</summary>
internal sealed record ServiceBackendGroup(string PortsKey, JsonArray Ports, IReadOnlyList<ServiceBackend> Backends);

/// <summary>
/// What the endpoints and endpointslice controllers compute for a Service with a selector: its pods (same namespace,
/// labels matching, not finished, with an IP), ready unless <c>publishNotReadyAddresses</c>, grouped by the ports
/// their <c>targetPort</c>s resolve to (a number as is, a name through the pod's container ports; a pod without
/// the named port does not serve that service port).
/// </summary>
internal static class ServiceEndpoints
{
    public static bool HasSelector(JsonObject service) =>
        JsonRead.Obj(service, "spec", "selector") is { Count: > 0 } && JsonRead.Str(service, "spec", "type") != "ExternalName";

    public static bool Selects(JsonObject service, JsonObject pod)
    {
        if (!HasSelector(service) || JsonRead.Str(service, "metadata", "namespace") != JsonRead.Str(pod, "metadata", "namespace"))
        {
            return false;
        }

        var labels = JsonRead.StringMap(pod, "metadata", "labels");
        return JsonRead.StringMap(service, "spec", "selector").All(s => labels.TryGetValue(s.Key, out var value) && value == s.Value);
    }

    public static IReadOnlyList<ServiceBackendGroup> Groups(JsonObject service, IEnumerable<JsonObject> pods)
    {
        var publishNotReady = JsonRead.Bool(service, "spec", "publishNotReadyAddresses") == true;
        var servicePorts = JsonRead.Objects(service, "spec", "ports").ToList();
        var groups = new Dictionary<string, (JsonArray Ports, List<ServiceBackend> Backends)>(StringComparer.Ordinal);
        foreach (var pod in pods.Where(p => Selects(service, p) && JsonRead.IsPodActive(p)))
        {
            if (JsonRead.Str(pod, "status", "podIP") is not { Length: > 0 } ip)
            {
                continue;
            }

            var ports = new JsonArray();
            foreach (var port in servicePorts)
            {
                if (ResolveTargetPort(port, pod) is { } number)
                {
                    var resolved = new JsonObject
                    {
                        ["name"] = JsonRead.Str(port, "name") ?? "",
                        ["port"] = number,
                        ["protocol"] = JsonRead.Str(port, "protocol") ?? "TCP",
                    };
                    if (JsonRead.Str(port, "appProtocol") is { } appProtocol)
                    {
                        resolved["appProtocol"] = appProtocol;
                    }

                    ports.Add(resolved);
                }
            }

            var key = CanonicalJson.Write(ports);
            if (!groups.TryGetValue(key, out var group))
            {
                group = (ports, []);
                groups[key] = group;
            }

            group.Backends.Add(new ServiceBackend(pod, ip, publishNotReady || JsonRead.IsPodReady(pod)));
        }

        return [.. groups.OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ServiceBackendGroup(g.Key, g.Value.Ports, [.. g.Value.Backends.OrderBy(b => b.Ip, StringComparer.Ordinal)]))];
    }

    /// <summary>The container port a service port's targetPort means for a pod, or null when the pod has no such port.</summary>
    public static long? ResolveTargetPort(JsonObject servicePort, JsonObject pod)
    {
        var target = JsonRead.Node(servicePort, "targetPort");
        if (target is JsonValue value && value.TryGetValue<string>(out var name))
        {
            if (long.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var numeric))
            {
                return numeric;
            }

            var protocol = JsonRead.Str(servicePort, "protocol") ?? "TCP";
            return JsonRead.Objects(pod, "spec", "containers")
                .SelectMany(c => JsonRead.Objects(c, "ports"))
                .FirstOrDefault(p => JsonRead.Str(p, "name") == name && (JsonRead.Str(p, "protocol") ?? "TCP") == protocol) is { } containerPort
                ? JsonRead.Long(containerPort, "containerPort") : null;
        }

        return JsonRead.Long(target) ?? JsonRead.Long(servicePort, "port");
    }

    /// <summary>The pod reference endpoints carry.</summary>
    public static JsonObject TargetRef(JsonObject pod) => new()
    {
        ["kind"] = "Pod",
        ["namespace"] = JsonRead.Str(pod, "metadata", "namespace"),
        ["name"] = JsonRead.Str(pod, "metadata", "name"),
        ["uid"] = JsonRead.Str(pod, "metadata", "uid"),
    };

    /// <summary>The pod's DNS hostname under a headless service (<c>spec.hostname</c> when its subdomain is the service).</summary>
    public static string? Hostname(JsonObject service, JsonObject pod) =>
        JsonRead.Str(pod, "spec", "hostname") is { Length: > 0 } hostname && JsonRead.Str(pod, "spec", "subdomain") == JsonRead.Str(service, "metadata", "name")
            ? hostname : null;

    /// <summary>The Endpoints object of a service (<c>endpoints_controller.go</c>): one subset per port list.</summary>
    public static JsonObject Endpoints(JsonObject service, IReadOnlyList<ServiceBackendGroup> groups)
    {
        var subsets = new JsonArray();
        foreach (var group in groups.Where(g => g.Ports.Count > 0))
        {
            var subset = new JsonObject();
            var ready = group.Backends.Where(b => b.Ready).Select(b => Address(service, b)).ToArray();
            var notReady = group.Backends.Where(b => !b.Ready).Select(b => Address(service, b)).ToArray();
            if (ready.Length > 0)
            {
                subset["addresses"] = new JsonArray(ready);
            }

            if (notReady.Length > 0)
            {
                subset["notReadyAddresses"] = new JsonArray(notReady);
            }

            var ports = new JsonArray();
            foreach (var port in group.Ports.OfType<JsonObject>())
            {
                var copy = (JsonObject)port.DeepClone();
                if (JsonRead.Str(copy, "name") is "")
                {
                    copy.Remove("name");
                }

                ports.Add(copy);
            }

            subset["ports"] = ports;
            subsets.Add(subset);
        }

        var endpoints = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Endpoints",
            ["metadata"] = new JsonObject
            {
                ["name"] = JsonRead.Str(service, "metadata", "name"),
                ["namespace"] = JsonRead.Str(service, "metadata", "namespace"),
                ["labels"] = Labels(service, headlessLabel: true),
            },
        };
        if (subsets.Count > 0)
        {
            endpoints["subsets"] = subsets;
        }

        return endpoints;
    }

    /// <summary>The service's labels plus <c>service.kubernetes.io/headless</c> for a headless service.</summary>
    public static JsonObject Labels(JsonObject service, bool headlessLabel)
    {
        var labels = JsonRead.Obj(service, "metadata", "labels")?.DeepClone() as JsonObject ?? [];
        if (headlessLabel && JsonRead.Str(service, "spec", "clusterIP") == "None")
        {
            labels["service.kubernetes.io/headless"] = "";
        }

        return labels;
    }

    private static JsonObject Address(JsonObject service, ServiceBackend backend)
    {
        var address = new JsonObject { ["ip"] = backend.Ip };
        if (Hostname(service, backend.Pod) is { } hostname)
        {
            address["hostname"] = hostname;
        }

        if (JsonRead.Str(backend.Pod, "spec", "nodeName") is { } node)
        {
            address["nodeName"] = node;
        }

        address["targetRef"] = TargetRef(backend.Pod);
        return address;
    }
}
