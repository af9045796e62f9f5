using System.Text.Json.Nodes;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Interpreter.Json;

namespace Karmada.Interpreter.Native;

/// <summary>
/// The Deployment <c>Available</c> and <c>Progressing</c> conditions on the resource template, so that
/// <c>kubectl wait --for=condition=Available</c> works against the control plane. Upstream Karmada does not aggregate
/// Deployment conditions; this is our addition. A condition is True when every member reports it True, False when any
/// member reports it False, and Unknown while some member has not reported it yet. Timestamps move only when the
/// aggregated condition changes, so an unchanged fleet does not rewrite the template.
/// </summary>
internal static class DeploymentConditionAggregation
{
    /// <summary>The condition types carried from members to the template (and reflected from member Deployments).</summary>
    public static readonly string[] Types = ["Available", "Progressing"];

    private static readonly string[] ReflectedFields = ["type", "status", "reason", "message"];

    /// <summary>The member's Available and Progressing conditions without timestamps (they would churn the Work status).</summary>
    public static JsonArray? Reflect(JsonObject? status)
    {
        var reflected = new JsonArray();
        foreach (var condition in (Unstructured.GetArray(status, "conditions") ?? []).OfType<JsonObject>())
        {
            if (!Types.Contains(Unstructured.GetString(condition, "type"), StringComparer.Ordinal))
            {
                continue;
            }

            var copy = new JsonObject();
            foreach (var field in ReflectedFields)
            {
                if (Unstructured.GetString(condition, field) is { } value)
                {
                    copy[field] = value;
                }
            }

            reflected.Add(copy);
        }

        return reflected.Count == 0 ? null : reflected;
    }

    /// <summary>Sets the aggregated conditions on <paramref name="obj"/>'s status; leaves it alone when there are no members.</summary>
    public static void Apply(JsonObject obj, IReadOnlyList<AggregatedStatusItem> items, DateTimeOffset now)
    {
        if (items.Count == 0)
        {
            return;
        }

        var status = Unstructured.GetObject(obj, "status");
        var old = Unstructured.GetArray(status, "conditions") ?? [];
        var conditions = new JsonArray();
        foreach (var type in Types)
        {
            // A condition no member reports and the template never had stays absent (counters-only members, as upstream).
            var previous = Find(old, type);
            if (previous is not null || items.Any(i => Find(Unstructured.GetArray(i.Status, "conditions"), type) is not null))
            {
                conditions.Add(Aggregate(type, items, previous, now));
            }
        }

        foreach (var other in old.OfType<JsonObject>().Where(c => !Types.Contains(Unstructured.GetString(c, "type"), StringComparer.Ordinal)))
        {
            conditions.Add(other.DeepClone());
        }

        if (JsonNode.DeepEquals(old, conditions) || (conditions.Count == 0 && Unstructured.GetArray(status, "conditions") is null))
        {
            return;
        }

        if (status is null)
        {
            status = [];
            obj["status"] = status;
        }

        status["conditions"] = conditions;
    }

    private static JsonObject Aggregate(string type, IReadOnlyList<AggregatedStatusItem> items, JsonObject? old, DateTimeOffset now)
    {
        var trueIn = new List<string>();
        var falseIn = new List<(string Cluster, JsonObject Condition)>();
        var unknownIn = new List<string>();
        foreach (var item in items.OrderBy(i => i.ClusterName, StringComparer.Ordinal))
        {
            var condition = Find(Unstructured.GetArray(item.Status, "conditions"), type);
            switch (Unstructured.GetString(condition, "status"))
            {
                case "True":
                    trueIn.Add(item.ClusterName);
                    break;
                case "False":
                    falseIn.Add((item.ClusterName, condition!));
                    break;
                default:
                    unknownIn.Add(item.ClusterName);
                    break;
            }
        }

        var (state, reason, message) = (falseIn.Count, unknownIn.Count) switch
        {
            ( > 0, _) => ("False",
                Unstructured.GetString(falseIn[0].Condition, "reason") ?? "MemberCondition" + type + "False",
                string.Join("; ", falseIn.Select(f => $"{f.Cluster}: {Unstructured.GetString(f.Condition, "message")}"))),
            (0, > 0) => ("Unknown", "MemberStatusUnknown", $"{type} not reported yet by member cluster(s) {string.Join(", ", unknownIn)}"),
            _ => ("True", SharedReason(type, items), $"{type} in every member cluster: {string.Join(", ", trueIn)}"),
        };

        var unchanged = Unstructured.GetString(old, "status") == state;
        var same = unchanged && Unstructured.GetString(old, "reason") == reason && Unstructured.GetString(old, "message") == message;
        var stamp = StatusTime.Format(now);
        return new JsonObject
        {
            ["type"] = type,
            ["status"] = state,
            ["lastUpdateTime"] = same ? Unstructured.GetString(old, "lastUpdateTime") ?? stamp : stamp,
            ["lastTransitionTime"] = unchanged ? Unstructured.GetString(old, "lastTransitionTime") ?? stamp : stamp,
            ["reason"] = reason,
            ["message"] = message,
        };
    }

    // The members' reason when they all agree (MinimumReplicasAvailable, NewReplicaSetAvailable), else a generic one.
    private static string SharedReason(string type, IReadOnlyList<AggregatedStatusItem> items)
    {
        var reasons = items.Select(i => Unstructured.GetString(Find(Unstructured.GetArray(i.Status, "conditions"), type), "reason") ?? "").Distinct(StringComparer.Ordinal).ToList();
        return reasons is [{ Length: > 0 } shared] ? shared : "AllMemberClusters" + type;
    }

    private static JsonObject? Find(JsonArray? conditions, string type) =>
        (conditions ?? []).OfType<JsonObject>().FirstOrDefault(c => Unstructured.GetString(c, "type") == type);
}
