using System.Text.Json.Nodes;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Interpreter.Json;

namespace Karmada.Interpreter.Native;

/// <summary>
/// Built-in AggregateStatus (upstream <c>aggregatestatus.go</c>): folds the statuses collected from member clusters
/// into the resource template's status.
/// </summary>
internal static class NativeStatusAggregation
{
    private static readonly string[] PodPhaseOrder = ["Failed", "Pending", "Running", "Succeeded"];
    private static readonly string[] VolumePhaseOrder = ["Failed", "Pending", "Available", "Bound", "Released"];

    public static readonly IReadOnlyDictionary<GroupVersionKind, Func<JsonObject, IReadOnlyList<AggregatedStatusItem>, DateTimeOffset, JsonObject>> Handlers =
        new Dictionary<GroupVersionKind, Func<JsonObject, IReadOnlyList<AggregatedStatusItem>, DateTimeOffset, JsonObject>>
        {
            [NativeKinds.Deployment] = AggregateDeployment,
            [NativeKinds.ReplicaSet] = (obj, items, _) => AggregateReplicaWorkload(obj, items, ["replicas", "fullyLabeledReplicas", "readyReplicas", "availableReplicas"], ["replicas"]),
            [NativeKinds.StatefulSet] = (obj, items, _) => AggregateReplicaWorkload(obj, items, ["availableReplicas", "currentReplicas", "readyReplicas", "replicas", "updatedReplicas"], ["replicas", "availableReplicas"]),
            [NativeKinds.DaemonSet] = (obj, items, _) => AggregateReplicaWorkload(obj, items,
                ["currentNumberScheduled", "desiredNumberScheduled", "numberAvailable", "numberMisscheduled", "numberReady", "updatedNumberScheduled", "numberUnavailable"],
                ["currentNumberScheduled", "numberMisscheduled", "desiredNumberScheduled", "numberReady"]),
            [NativeKinds.Service] = (obj, items, _) => Unstructured.GetString(obj, "spec", "type") == "LoadBalancer" ? AggregateLoadBalancer(obj, items) : obj,
            [NativeKinds.Ingress] = (obj, items, _) => AggregateLoadBalancer(obj, items),
            [NativeKinds.Job] = JobStatusAggregation.Aggregate,
            [NativeKinds.CronJob] = (obj, items, _) => AggregateCronJob(obj, items),
            [NativeKinds.Pod] = (obj, items, _) => AggregatePod(obj, items),
            [NativeKinds.PersistentVolume] = (obj, items, _) => AggregatePersistentVolume(obj, items),
            [NativeKinds.PersistentVolumeClaim] = (obj, items, _) => AggregatePersistentVolumeClaim(obj, items),
            [NativeKinds.PodDisruptionBudget] = (obj, items, _) => AggregatePodDisruptionBudget(obj, items),
            [NativeKinds.HorizontalPodAutoscaler] = (obj, items, _) => AggregateHorizontalPodAutoscaler(obj, items),
        };

    // The counters as upstream, plus the Available/Progressing conditions (our addition, for kubectl wait).
    private static JsonObject AggregateDeployment(JsonObject obj, IReadOnlyList<AggregatedStatusItem> items, DateTimeOffset now)
    {
        var aggregated = AggregateReplicaWorkload(obj, items, ["replicas", "readyReplicas", "updatedReplicas", "availableReplicas", "unavailableReplicas"], []);
        DeploymentConditionAggregation.Apply(aggregated, items, now);
        return aggregated;
    }

    /// <summary>
    /// Sums the counters of replica workloads. <c>observedGeneration</c> becomes the template's generation only when
    /// every member reports a status whose controller saw its latest spec (<c>observedGeneration ≥ generation</c>)
    /// and that spec was built from the latest template (<c>resourceTemplateGeneration ≥</c> template generation);
    /// otherwise the previous value stays, so GitOps tools do not see a rollout as done too early.
    /// </summary>
    private static JsonObject AggregateReplicaWorkload(JsonObject obj, IReadOnlyList<AggregatedStatusItem> items, string[] fields, string[] alwaysWritten)
    {
        var generation = Unstructured.Generation(obj);
        var sums = fields.ToDictionary(f => f, _ => 0L, StringComparer.Ordinal);
        var latest = 0;
        foreach (var item in items)
        {
            if (item.Status is not { } member)
            {
                continue;
            }

            foreach (var field in fields)
            {
                sums[field] += Unstructured.GetInt(member, field) ?? 0;
            }

            if ((Unstructured.GetInt(member, "observedGeneration") ?? 0) >= (Unstructured.GetInt(member, "generation") ?? 0)
                && (Unstructured.GetInt(member, "resourceTemplateGeneration") ?? 0) >= generation)
            {
                latest++;
            }
        }

        var status = Unstructured.GetObject(obj, "status");
        var oldObserved = Unstructured.GetInt(status, "observedGeneration") ?? 0;
        var observed = latest == items.Count ? generation : oldObserved;
        if (observed == oldObserved && fields.All(f => (Unstructured.GetInt(status, f) ?? 0) == sums[f]))
        {
            return obj;
        }

        if (status is null)
        {
            status = [];
            obj["status"] = status;
        }

        Unstructured.SetInt(status, "observedGeneration", observed);
        foreach (var field in fields)
        {
            Unstructured.SetInt(status, field, sums[field], omitEmpty: !alwaysWritten.Contains(field));
        }

        return obj;
    }

    // Service (LoadBalancer) and Ingress: every member's load balancer entries, a missing hostname set to the cluster name.
    private static JsonObject AggregateLoadBalancer(JsonObject obj, IReadOnlyList<AggregatedStatusItem> items)
    {
        var ingress = new JsonArray();
        foreach (var item in items)
        {
            if (item.Status is null)
            {
                continue;
            }

            foreach (var entry in (Unstructured.GetArray(item.Status, "loadBalancer", "ingress") ?? []).OfType<JsonObject>())
            {
                var copy = (JsonObject)entry.DeepClone();
                if (string.IsNullOrEmpty(Unstructured.GetString(copy, "hostname")))
                {
                    copy["hostname"] = item.ClusterName;
                }

                ingress.Add(copy);
            }
        }

        var loadBalancer = new JsonObject();
        if (ingress.Count > 0)
        {
            loadBalancer["ingress"] = ingress;
        }

        var status = new JsonObject { ["loadBalancer"] = loadBalancer };
        var old = Unstructured.GetObject(obj, "status");
        var oldIngress = Unstructured.GetArray(old, "loadBalancer", "ingress") ?? [];
        var oldHasConditions = Unstructured.GetArray(old, "conditions") is { Count: > 0 };
        if (!oldHasConditions && JsonNode.DeepEquals(oldIngress, ingress))
        {
            return obj;
        }

        obj["status"] = status;
        return obj;
    }

    private static JsonObject AggregateCronJob(JsonObject obj, IReadOnlyList<AggregatedStatusItem> items)
    {
        var active = new JsonArray();
        DateTimeOffset? lastSchedule = null;
        DateTimeOffset? lastSuccessful = null;
        foreach (var item in items)
        {
            if (item.Status is null)
            {
                continue;
            }

            foreach (var reference in Unstructured.GetArray(item.Status, "active") ?? [])
            {
                active.Add(reference?.DeepClone());
            }

            lastSchedule = Later(lastSchedule, StatusTime.Get(item.Status, "lastScheduleTime"));
            lastSuccessful = Later(lastSuccessful, StatusTime.Get(item.Status, "lastSuccessfulTime"));
        }

        var status = Unstructured.GetObject(obj, "status");
        var unchanged = JsonNode.DeepEquals(Unstructured.GetArray(status, "active") ?? [], active)
            && StatusTime.Get(status, "lastScheduleTime") == lastSchedule
            && StatusTime.Get(status, "lastSuccessfulTime") == lastSuccessful;
        if (unchanged)
        {
            return obj;
        }

        if (status is null)
        {
            status = [];
            obj["status"] = status;
        }

        if (active.Count > 0)
        {
            status["active"] = active;
        }
        else
        {
            status.Remove("active");
        }

        StatusTime.Set(status, "lastScheduleTime", lastSchedule);
        StatusTime.Set(status, "lastSuccessfulTime", lastSuccessful);
        return obj;
    }

    // Phase precedence Failed > Pending > Running > Succeeded; a member without status yet counts as Pending.
    private static JsonObject AggregatePod(JsonObject obj, IReadOnlyList<AggregatedStatusItem> items)
    {
        if (items.Count == 0)
        {
            return obj;
        }

        var phases = new HashSet<string>(StringComparer.Ordinal);
        var containers = new JsonArray();
        var initContainers = new JsonArray();
        foreach (var item in items)
        {
            if (item.Status is null)
            {
                phases.Add("Pending");
                continue;
            }

            phases.Add(Unstructured.GetString(item.Status, "phase") ?? "");
            AppendContainerStatuses(Unstructured.GetArray(item.Status, "containerStatuses"), containers);
            AppendContainerStatuses(Unstructured.GetArray(item.Status, "initContainerStatuses"), initContainers);
        }

        var phase = PodPhaseOrder.FirstOrDefault(phases.Contains) ?? "";
        var status = new JsonObject();
        if (phase.Length > 0)
        {
            status["phase"] = phase;
        }

        if (initContainers.Count > 0)
        {
            status["initContainerStatuses"] = initContainers;
        }

        if (containers.Count > 0)
        {
            status["containerStatuses"] = containers;
        }

        if (!JsonNode.DeepEquals(Unstructured.GetObject(obj, "status") ?? [], status))
        {
            obj["status"] = status;
        }

        return obj;
    }

    // Only readiness and state are carried over, in the shape Go writes a ContainerStatus with just those set.
    private static void AppendContainerStatuses(JsonArray? source, JsonArray target)
    {
        foreach (var container in (source ?? []).OfType<JsonObject>())
        {
            target.Add(new JsonObject
            {
                ["name"] = "",
                ["state"] = Unstructured.GetObject(container, "state")?.DeepClone() ?? new JsonObject(),
                ["lastState"] = new JsonObject(),
                ["ready"] = Unstructured.GetBool(container, "ready") ?? false,
                ["restartCount"] = Unstructured.Int(0),
                ["image"] = "",
                ["imageID"] = "",
            });
        }
    }

    // Phase precedence Failed > Pending > Available > Bound > Released; a member without status yet counts as Pending.
    private static JsonObject AggregatePersistentVolume(JsonObject obj, IReadOnlyList<AggregatedStatusItem> items)
    {
        var phases = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            phases.Add(item.Status is null ? "Pending" : Unstructured.GetString(item.Status, "phase") ?? "");
        }

        var phase = VolumePhaseOrder.FirstOrDefault(phases.Contains) ?? "";
        return ReplaceStatusIfChanged(obj, PhaseStatus(phase));
    }

    // Lost wins; otherwise any non-Bound phase; otherwise Bound.
    private static JsonObject AggregatePersistentVolumeClaim(JsonObject obj, IReadOnlyList<AggregatedStatusItem> items)
    {
        var phase = "Bound";
        foreach (var item in items)
        {
            if (item.Status is null)
            {
                continue;
            }

            var memberPhase = Unstructured.GetString(item.Status, "phase") ?? "";
            if (memberPhase == "Lost")
            {
                phase = "Lost";
                break;
            }

            if (memberPhase != "Bound")
            {
                phase = memberPhase;
            }
        }

        return ReplaceStatusIfChanged(obj, PhaseStatus(phase));
    }

    private static JsonObject AggregatePodDisruptionBudget(JsonObject obj, IReadOnlyList<AggregatedStatusItem> items)
    {
        long currentHealthy = 0, desiredHealthy = 0, expectedPods = 0, disruptionsAllowed = 0;
        var disrupted = new JsonObject();
        foreach (var item in items)
        {
            if (item.Status is null)
            {
                continue;
            }

            currentHealthy += Unstructured.GetInt(item.Status, "currentHealthy") ?? 0;
            desiredHealthy += Unstructured.GetInt(item.Status, "desiredHealthy") ?? 0;
            expectedPods += Unstructured.GetInt(item.Status, "expectedPods") ?? 0;
            disruptionsAllowed += Unstructured.GetInt(item.Status, "disruptionsAllowed") ?? 0;
            foreach (var (pod, time) in Unstructured.GetObject(item.Status, "disruptedPods") ?? [])
            {
                disrupted[item.ClusterName + "/" + pod] = time?.DeepClone();
            }
        }

        var status = new JsonObject();
        if (disrupted.Count > 0)
        {
            status["disruptedPods"] = disrupted;
        }

        status["disruptionsAllowed"] = Unstructured.Int(disruptionsAllowed);
        status["currentHealthy"] = Unstructured.Int(currentHealthy);
        status["desiredHealthy"] = Unstructured.Int(desiredHealthy);
        status["expectedPods"] = Unstructured.Int(expectedPods);
        return ReplaceStatusIfChanged(obj, status);
    }

    private static JsonObject AggregateHorizontalPodAutoscaler(JsonObject obj, IReadOnlyList<AggregatedStatusItem> items)
    {
        long current = 0, desired = 0;
        foreach (var item in items)
        {
            if (item.Status is null)
            {
                continue;
            }

            current += Unstructured.GetInt(item.Status, "currentReplicas") ?? 0;
            desired += Unstructured.GetInt(item.Status, "desiredReplicas") ?? 0;
        }

        var status = Unstructured.GetObject(obj, "status");
        if (status is null)
        {
            status = [];
            obj["status"] = status;
        }

        Unstructured.SetInt(status, "currentReplicas", current);
        Unstructured.SetInt(status, "desiredReplicas", desired, omitEmpty: false);
        return obj;
    }

    private static JsonObject PhaseStatus(string phase)
    {
        var status = new JsonObject();
        if (phase.Length > 0)
        {
            status["phase"] = phase;
        }

        return status;
    }

    private static JsonObject ReplaceStatusIfChanged(JsonObject obj, JsonObject status)
    {
        if (!JsonNode.DeepEquals(Unstructured.GetObject(obj, "status") ?? [], status))
        {
            obj["status"] = status;
        }

        return obj;
    }

    private static DateTimeOffset? Later(DateTimeOffset? current, DateTimeOffset? candidate) =>
        current is null || (candidate is not null && current < candidate) ? candidate ?? current : current;
}
