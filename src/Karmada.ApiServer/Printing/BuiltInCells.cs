using System.Text.Json.Nodes;

namespace Karmada.ApiServer.Printing;

/// <summary>The derived cells kubectl users know from kube-apiserver's printers for built-in kinds.</summary>
public static class BuiltInCells
{
    public static object? PodReady(JsonObject pod)
    {
        var total = Cells.Array(pod, "spec", "containers").Count;
        var ready = Cells.Array(pod, "status", "containerStatuses").OfType<JsonObject>()
            .Count(s => s["ready"] is JsonValue v && v.TryGetValue<bool>(out var r) && r);
        return $"{ready}/{total}";
    }

    public static object? PodStatus(JsonObject pod)
    {
        if (Cells.At(pod, "metadata", "deletionTimestamp") is not null)
        {
            return "Terminating";
        }

        var reason = Cells.Str(pod, "status", "reason");
        if (reason.Length > 0)
        {
            return reason;
        }

        foreach (var s in Cells.Array(pod, "status", "containerStatuses").OfType<JsonObject>())
        {
            var waiting = Cells.Str(s, "state", "waiting", "reason");
            if (waiting.Length > 0)
            {
                return waiting;
            }

            var terminated = Cells.Str(s, "state", "terminated", "reason");
            if (terminated.Length > 0 && Cells.Str(pod, "status", "phase") is not "Succeeded" and not "Failed")
            {
                return terminated;
            }
        }

        var phase = Cells.Str(pod, "status", "phase");
        if (phase == "Succeeded")
        {
            return "Completed";
        }

        return phase.Length == 0 ? "Pending" : phase;
    }

    public static object? PodRestarts(JsonObject pod) =>
        Cells.Array(pod, "status", "containerStatuses").OfType<JsonObject>().Sum(s => Cells.Int(s, "restartCount"));

    public static object? PodIp(JsonObject pod) => Cells.OrNone(Cells.Str(pod, "status", "podIP"));

    public static object? PodNode(JsonObject pod) => Cells.OrNone(Cells.Str(pod, "spec", "nodeName"));

    public static object? PodNominatedNode(JsonObject pod) => Cells.OrNone(Cells.Str(pod, "status", "nominatedNodeName"));

    public static object? NodeStatus(JsonObject node)
    {
        var ready = Cells.Array(node, "status", "conditions").OfType<JsonObject>()
            .FirstOrDefault(c => Cells.Str(c, "type") == "Ready");
        var status = ready is null ? "Unknown" : Cells.Str(ready, "status") == "True" ? "Ready" : "NotReady";
        if (Cells.At(node, "spec", "unschedulable") is JsonValue v && v.TryGetValue<bool>(out var u) && u)
        {
            status += ",SchedulingDisabled";
        }

        return status;
    }

    public static object? NodeRoles(JsonObject node)
    {
        var labels = Cells.At(node, "metadata", "labels") as JsonObject;
        var roles = labels?.Select(p => p.Key)
            .Where(k => k.StartsWith("node-role.kubernetes.io/", StringComparison.Ordinal))
            .Select(k => k["node-role.kubernetes.io/".Length..])
            .Where(r => r.Length > 0)
            .Order(StringComparer.Ordinal)
            .ToList() ?? [];
        return roles.Count == 0 ? "<none>" : string.Join(",", roles);
    }

    public static object? NodeAddress(JsonObject node, string type) =>
        Cells.OrNone(Cells.Array(node, "status", "addresses").OfType<JsonObject>()
            .Where(a => Cells.Str(a, "type") == type).Select(a => Cells.Str(a, "address")).FirstOrDefault() ?? "");

    public static object? ReadyOfReplicas(JsonObject o) =>
        $"{Cells.Int(o, "status", "readyReplicas")}/{Cells.Int(o, "spec", "replicas")}";

    public static object? ContainerNames(JsonObject o) =>
        Cells.Join(Cells.Containers(Cells.At(o, "spec", "template", "spec")).Select(c => Cells.Str(c, "name")));

    public static object? ContainerImages(JsonObject o) =>
        Cells.Join(Cells.Containers(Cells.At(o, "spec", "template", "spec")).Select(c => Cells.Str(c, "image")));

    public static object? WorkloadSelector(JsonObject o) => Cells.Selector(Cells.At(o, "spec", "selector"));

    public static object? DataCount(JsonObject o) =>
        ((Cells.At(o, "data") as JsonObject)?.Count ?? 0) + ((Cells.At(o, "binaryData") as JsonObject)?.Count ?? 0);

    public static object? ServiceExternalIp(JsonObject svc)
    {
        var type = Cells.Str(svc, "spec", "type");
        var external = Cells.Array(svc, "spec", "externalIPs").Select(v => (string?)v ?? "").ToList();
        if (type == "LoadBalancer")
        {
            var ingress = Cells.Array(svc, "status", "loadBalancer", "ingress").OfType<JsonObject>()
                .Select(i => Cells.Str(i, "ip").Length > 0 ? Cells.Str(i, "ip") : Cells.Str(i, "hostname")).ToList();
            external.AddRange(ingress);
            return external.Count == 0 ? "<pending>" : string.Join(",", external);
        }

        if (type == "ExternalName")
        {
            return Cells.Str(svc, "spec", "externalName");
        }

        return external.Count == 0 ? "<none>" : string.Join(",", external);
    }

    public static object? ServicePorts(JsonObject svc)
    {
        var ports = Cells.Array(svc, "spec", "ports").OfType<JsonObject>().Select(p =>
        {
            var text = Cells.Int(p, "port").ToString(System.Globalization.CultureInfo.InvariantCulture);
            var nodePort = Cells.Int(p, "nodePort");
            if (nodePort > 0)
            {
                text += ":" + nodePort.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            var protocol = Cells.Str(p, "protocol");
            return text + "/" + (protocol.Length == 0 ? "TCP" : protocol);
        }).ToList();
        return ports.Count == 0 ? "<none>" : string.Join(",", ports);
    }

    public static object? JobStatus(JsonObject job)
    {
        foreach (var c in Cells.Array(job, "status", "conditions").OfType<JsonObject>())
        {
            if (Cells.Str(c, "status") != "True")
            {
                continue;
            }

            switch (Cells.Str(c, "type"))
            {
                case "Complete":
                    return "Complete";
                case "Failed":
                    return "Failed";
                case "Suspended":
                    return "Suspended";
                default:
                    break;
            }
        }

        return Cells.At(job, "metadata", "deletionTimestamp") is not null ? "Terminating" : "Running";
    }

    public static object? JobCompletions(JsonObject job)
    {
        var completions = Cells.At(job, "spec", "completions");
        var succeeded = Cells.Int(job, "status", "succeeded");
        return completions is null ? $"{succeeded}/1 of {Math.Max(1, Cells.Int(job, "spec", "parallelism"))}" : $"{succeeded}/{Cells.Int(job, "spec", "completions")}";
    }

    public static object? JobDuration(JsonObject job, DateTimeOffset now)
    {
        if (!DateTimeOffset.TryParse(Cells.Str(job, "status", "startTime"), out var start))
        {
            return "";
        }

        var end = DateTimeOffset.TryParse(Cells.Str(job, "status", "completionTime"), out var done) ? done : now;
        return HumanDuration.Format(end - start);
    }

    public static object? CronJobLastSchedule(JsonObject cron, DateTimeOffset now)
    {
        var last = Cells.Str(cron, "status", "lastScheduleTime");
        return last.Length == 0 ? "<none>" : HumanDuration.Since(last, now);
    }

    public static object? EventObject(JsonObject e) =>
        $"{Cells.Str(e, "involvedObject", "kind").ToLowerInvariant()}/{Cells.Str(e, "involvedObject", "name")}";

    public static object? EventLastSeen(JsonObject e, DateTimeOffset now)
    {
        var last = Cells.Str(e, "lastTimestamp");
        if (last.Length == 0)
        {
            last = Cells.Str(e, "eventTime");
        }

        if (last.Length == 0)
        {
            last = Cells.Str(e, "metadata", "creationTimestamp");
        }

        return HumanDuration.Since(last, now);
    }

    public static object? EndpointsList(JsonObject ep)
    {
        var addresses = new List<string>();
        foreach (var subset in Cells.Array(ep, "subsets").OfType<JsonObject>())
        {
            var ports = Cells.Array(subset, "ports").OfType<JsonObject>().Select(p => Cells.Int(p, "port")).ToList();
            foreach (var a in Cells.Array(subset, "addresses").OfType<JsonObject>())
            {
                var ip = Cells.Str(a, "ip");
                addresses.AddRange(ports.Count == 0 ? [ip] : ports.Select(p => $"{ip}:{p}"));
            }
        }

        if (addresses.Count == 0)
        {
            return "<none>";
        }

        return addresses.Count > 3 ? string.Join(",", addresses.Take(3)) + $" + {addresses.Count - 3} more..." : string.Join(",", addresses);
    }

    public static object? Holder(JsonObject lease) => Cells.OrNone(Cells.Str(lease, "spec", "holderIdentity"));

    public static object? AccessModes(JsonObject o)
    {
        var modes = Cells.Array(o, "spec", "accessModes").Select(m => (string?)m switch
        {
            "ReadWriteOnce" => "RWO",
            "ReadOnlyMany" => "ROX",
            "ReadWriteMany" => "RWX",
            "ReadWriteOncePod" => "RWOP",
            var other => other ?? "",
        });
        return string.Join(",", modes);
    }
}
