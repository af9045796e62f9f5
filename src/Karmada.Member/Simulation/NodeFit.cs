using System.Globalization;
using System.Text.Json.Nodes;

namespace Karmada.Member.Simulation;

/// <summary>
/// The scheduler's filters for one pod on one node: node readiness and cordon, nodeSelector, required node affinity,
/// taints and tolerations, and resources (cpu, memory, ephemeral-storage, pod count, extended resources). Returns
/// null when the pod fits, else the reason in the words of kube-scheduler's messages.
/// </summary>
internal static class NodeFit
{
    public static string? Reject(JsonObject pod, JsonObject node, IReadOnlyDictionary<string, long> allocatable, IReadOnlyDictionary<string, long> requests, IReadOnlyDictionary<string, long> used, int podsOnNode)
    {
        if (JsonRead.Bool(node, "spec", "unschedulable") == true)
        {
            return "node(s) were unschedulable";
        }

        if (JsonRead.ConditionStatus(node, "Ready") != "True")
        {
            return "node(s) were not ready";
        }

        if (!MatchesAffinity(pod, node))
        {
            return "node(s) didn't match Pod's node affinity/selector";
        }

        if (UntoleratedTaint(pod, node) is { } taint)
        {
            return $"node(s) had untolerated taint {{{JsonRead.Str(taint, "key")}: {JsonRead.Str(taint, "value")}}}";
        }

        if (allocatable.TryGetValue("pods", out var maxPods) && podsOnNode + 1 > maxPods / 1000)
        {
            return "Too many pods";
        }

        foreach (var (name, request) in requests)
        {
            if (request == 0)
            {
                continue;
            }

            var available = allocatable.GetValueOrDefault(name) - used.GetValueOrDefault(name);
            if (request > available)
            {
                return $"Insufficient {name}";
            }
        }

        return null;
    }

    /// <summary>Whether the node matches the pod's nodeSelector and required node affinity.</summary>
    public static bool MatchesAffinity(JsonObject pod, JsonObject node)
    {
        var selector = JsonRead.Obj(pod, "spec", "nodeSelector");
        var terms = JsonRead.Objects(pod, "spec", "affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution", "nodeSelectorTerms").ToList();
        if (selector is not { Count: > 0 } && terms.Count == 0)
        {
            return true;
        }

        var labels = JsonRead.StringMap(node, "metadata", "labels");
        var nodeName = JsonRead.Str(node, "metadata", "name") ?? "";
        foreach (var (key, value) in JsonRead.StringMap(selector))
        {
            if (!labels.TryGetValue(key, out var actual) || actual != value)
            {
                return false;
            }
        }

        return terms.Count == 0 || terms.Any(term => TermMatches(term, labels, nodeName));
    }

    /// <summary>The first NoSchedule or NoExecute taint of the node the pod does not tolerate, or null.</summary>
    public static JsonObject? UntoleratedTaint(JsonObject pod, JsonObject node)
    {
        var tolerations = JsonRead.Objects(pod, "spec", "tolerations").ToList();
        return JsonRead.Objects(node, "spec", "taints").FirstOrDefault(taint =>
            JsonRead.Str(taint, "effect") is "NoSchedule" or "NoExecute" && !tolerations.Any(t => Tolerates(t, taint)));
    }

    public static bool Tolerates(JsonObject toleration, JsonObject taint)
    {
        var effect = JsonRead.Str(toleration, "effect");
        if (!string.IsNullOrEmpty(effect) && effect != JsonRead.Str(taint, "effect"))
        {
            return false;
        }

        var key = JsonRead.Str(toleration, "key");
        var op = JsonRead.Str(toleration, "operator") ?? "Equal";
        if (string.IsNullOrEmpty(key))
        {
            return op == "Exists";
        }

        if (key != JsonRead.Str(taint, "key"))
        {
            return false;
        }

        return op == "Exists" || (JsonRead.Str(toleration, "value") ?? "") == (JsonRead.Str(taint, "value") ?? "");
    }

    private static bool TermMatches(JsonObject term, Dictionary<string, string> labels, string nodeName)
    {
        var expressions = JsonRead.Objects(term, "matchExpressions").ToList();
        var fields = JsonRead.Objects(term, "matchFields").ToList();
        if (expressions.Count == 0 && fields.Count == 0)
        {
            return false;
        }

        return expressions.All(e => ExpressionMatches(e, labels.TryGetValue(JsonRead.Str(e, "key") ?? "", out var v) ? v : null))
            && fields.All(f => JsonRead.Str(f, "key") == "metadata.name" && ExpressionMatches(f, nodeName));
    }

    private static bool ExpressionMatches(JsonObject expression, string? value)
    {
        var values = JsonRead.Node(expression, "values") is JsonArray array
            ? array.Select(v => v?.GetValue<string>()).OfType<string>().ToList()
            : [];
        return JsonRead.Str(expression, "operator") switch
        {
            "In" => value is not null && values.Contains(value),
            "NotIn" => value is null || !values.Contains(value),
            "Exists" => value is not null,
            "DoesNotExist" => value is null,
            "Gt" => Compare(value, values) > 0,
            "Lt" => Compare(value, values) is < 0 and not int.MinValue,
            _ => false,
        };
    }

    private static int Compare(string? value, List<string> values)
    {
        if (value is null || values.Count != 1
            || !long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var actual)
            || !long.TryParse(values[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var bound))
        {
            return int.MinValue;
        }

        return actual.CompareTo(bound);
    }
}
