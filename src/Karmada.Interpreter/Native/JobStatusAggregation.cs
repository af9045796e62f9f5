using System.Text.Json.Nodes;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Interpreter.Json;

namespace Karmada.Interpreter.Native;

/// <summary>
/// Job status aggregation (upstream <c>helper.ParsingJobStatus</c>): counters are summed; the Job is Failed as soon as
/// one member failed (with FailureTarget first when a member reported it), Complete once every member completed
/// (with SuccessCriteriaMet when every member met it); the start time is the earliest once every member started, the
/// completion time the latest once every member completed. A finished template is never updated again.
/// </summary>
internal static class JobStatusAggregation
{
    public static JsonObject Aggregate(JsonObject obj, IReadOnlyList<AggregatedStatusItem> items, DateTimeOffset now)
    {
        var oldStatus = Unstructured.GetObject(obj, "status");
        if (FinishedType(oldStatus) is not null)
        {
            return obj;
        }

        long active = 0, succeeded = 0, failed = 0;
        var failedClusters = new List<string>();
        int successful = 0, started = 0, completed = 0, successCriteriaMet = 0, failureTarget = 0;
        DateTimeOffset? startTime = null;
        DateTimeOffset? completionTime = null;
        foreach (var item in items)
        {
            if (item.Status is not { } member)
            {
                continue;
            }

            active += Unstructured.GetInt(member, "active") ?? 0;
            succeeded += Unstructured.GetInt(member, "succeeded") ?? 0;
            failed += Unstructured.GetInt(member, "failed") ?? 0;
            switch (FinishedType(member))
            {
                case "Complete":
                    successful++;
                    break;
                case "Failed":
                    failedClusters.Add(item.ClusterName);
                    break;
            }

            var trueConditions = Conditions(member).Where(c => Unstructured.GetString(c, "status") == "True").Select(c => Unstructured.GetString(c, "type")).ToList();
            if (trueConditions.Contains("SuccessCriteriaMet"))
            {
                successCriteriaMet++;
            }

            if (trueConditions.Contains("FailureTarget"))
            {
                failureTarget++;
            }

            if (StatusTime.Get(member, "startTime") is { } memberStart)
            {
                started++;
                if (startTime is null || memberStart < startTime)
                {
                    startTime = memberStart;
                }
            }

            if (StatusTime.Get(member, "completionTime") is { } memberCompletion)
            {
                completed++;
                if (completionTime is null || completionTime < memberCompletion)
                {
                    completionTime = memberCompletion;
                }
            }
        }

        var conditions = new JsonArray();
        if (failedClusters.Count > 0)
        {
            var message = "Job executed failed in member clusters " + string.Join(",", failedClusters);

            // Kubernetes 1.31+ only accepts Failed=True after FailureTarget, so surface it first when a member reported it.
            if (failureTarget > 0)
            {
                conditions.Add(Condition("FailureTarget", "JobFailed", message, now));
            }

            conditions.Add(Condition("Failed", "JobFailed", message, now));
        }

        // An empty list means the binding was just created: not complete yet.
        if (successful == items.Count && successful > 0)
        {
            conditions.Add(Condition("Complete", "Completed", "Job completed", now));
            if (successCriteriaMet == items.Count)
            {
                conditions.Add(Condition("SuccessCriteriaMet", "CompletionsReached", "All member clusters have met success criteria", now));
            }
        }

        var status = new JsonObject();
        if (conditions.Count > 0)
        {
            status["conditions"] = conditions;
        }

        var existingStart = StatusTime.Get(oldStatus, "startTime");
        var newStart = existingStart ?? (started == items.Count && started > 0 ? startTime : null);
        StatusTime.Set(status, "startTime", newStart);
        StatusTime.Set(status, "completionTime", completionTime is not null && completed == items.Count ? completionTime : null);
        Unstructured.SetInt(status, "active", active);
        Unstructured.SetInt(status, "succeeded", succeeded);
        Unstructured.SetInt(status, "failed", failed);

        if (!JsonNode.DeepEquals(Normalize(oldStatus), status))
        {
            obj["status"] = status;
        }

        return obj;
    }

    /// <summary>"Complete" or "Failed" when the status carries that condition with status True, else null.</summary>
    public static string? FinishedType(JsonObject? status) =>
        Conditions(status)
            .Where(c => Unstructured.GetString(c, "status") == "True")
            .Select(c => Unstructured.GetString(c, "type"))
            .FirstOrDefault(t => t is "Complete" or "Failed");

    private static IEnumerable<JsonObject> Conditions(JsonObject? status) =>
        (Unstructured.GetArray(status, "conditions") ?? []).OfType<JsonObject>();

    private static JsonObject Condition(string type, string reason, string message, DateTimeOffset now) => new()
    {
        ["type"] = type,
        ["status"] = "True",
        ["lastProbeTime"] = StatusTime.Format(now),
        ["lastTransitionTime"] = StatusTime.Format(now),
        ["reason"] = reason,
        ["message"] = message,
    };

    // The old status as the typed comparison sees it: only the fields the aggregation writes, times normalised.
    private static JsonObject Normalize(JsonObject? status)
    {
        var result = new JsonObject();
        if (Unstructured.GetArray(status, "conditions") is { Count: > 0 } conditions)
        {
            result["conditions"] = conditions.DeepClone();
        }

        StatusTime.Set(result, "startTime", StatusTime.Get(status, "startTime"));
        StatusTime.Set(result, "completionTime", StatusTime.Get(status, "completionTime"));
        Unstructured.SetInt(result, "active", Unstructured.GetInt(status, "active") ?? 0);
        Unstructured.SetInt(result, "succeeded", Unstructured.GetInt(status, "succeeded") ?? 0);
        Unstructured.SetInt(result, "failed", Unstructured.GetInt(status, "failed") ?? 0);
        return result;
    }
}
