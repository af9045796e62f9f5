using System.Globalization;
using System.Text.Json.Nodes;

namespace Karmada.Member.Simulation;

/// <summary>Pure parts of the CronJob controller (<c>cronjob_controllerv2.go</c>, <c>utils.go</c>).</summary>
internal static class CronJobPlan
{
    public const string ScheduledTimestampAnnotation = "batch.kubernetes.io/cronjob-scheduled-timestamp";

    /// <summary>
    /// The Job's name for a scheduled time: <c>CRONJOB-MINUTES</c>, minutes since the epoch, so a time is run at
    /// most once however often the controller looks at it.
    /// </summary>
    public static string JobName(string cronJob, DateTimeOffset scheduled) =>
        $"{cronJob}-{(scheduled.ToUnixTimeSeconds() / 60).ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Complete or Failed, or null while the Job runs.</summary>
    public static string? Finished(JsonObject job) =>
        JsonRead.ConditionStatus(job, "Complete") == "True" ? "Complete"
        : JsonRead.ConditionStatus(job, "Failed") == "True" ? "Failed"
        : null;

    /// <summary>Finished Jobs beyond <c>successfulJobsHistoryLimit</c> / <c>failedJobsHistoryLimit</c>, oldest first.</summary>
    public static IReadOnlyList<JsonObject> SurplusHistory(JsonObject cronJob, IEnumerable<JsonObject> jobs)
    {
        var succeededLimit = (int)(JsonRead.Long(cronJob, "spec", "successfulJobsHistoryLimit") ?? 3);
        var failedLimit = (int)(JsonRead.Long(cronJob, "spec", "failedJobsHistoryLimit") ?? 1);
        var finished = jobs.Select(j => (Job: j, State: Finished(j))).Where(j => j.State is not null).ToList();
        IEnumerable<JsonObject> Oldest(string state, int limit)
        {
            var matching = finished.Where(j => j.State == state).Select(j => j.Job)
                .OrderBy(j => JsonRead.Str(j, "status", "startTime") ?? JsonRead.Str(j, "metadata", "creationTimestamp"), StringComparer.Ordinal)
                .ToList();
            return matching.Take(Math.Max(0, matching.Count - limit));
        }

        return [.. Oldest("Complete", succeededLimit), .. Oldest("Failed", failedLimit)];
    }

    /// <summary>The Job a CronJob runs at a scheduled time: its jobTemplate, owned by the CronJob.</summary>
    public static JsonObject NewJob(JsonObject cronJob, DateTimeOffset scheduled)
    {
        var template = JsonRead.Obj(cronJob, "spec", "jobTemplate") ?? [];
        var annotations = JsonRead.Obj(template, "metadata", "annotations")?.DeepClone() as JsonObject ?? [];
        annotations[ScheduledTimestampAnnotation] = Timestamps.Format(scheduled);
        var metadata = new JsonObject
        {
            ["name"] = JobName(JsonRead.Str(cronJob, "metadata", "name")!, scheduled),
            ["namespace"] = JsonRead.Str(cronJob, "metadata", "namespace"),
            ["annotations"] = annotations,
            ["ownerReferences"] = new JsonArray(PodControl.OwnerReference(cronJob, "CronJob", "batch/v1")),
        };
        if (JsonRead.Obj(template, "metadata", "labels") is { Count: > 0 } labels)
        {
            metadata["labels"] = labels.DeepClone();
        }

        return new JsonObject
        {
            ["apiVersion"] = "batch/v1",
            ["kind"] = "Job",
            ["metadata"] = metadata,
            ["spec"] = JsonRead.Obj(template, "spec")?.DeepClone() ?? new JsonObject(),
        };
    }

    public static JsonObject Reference(JsonObject job) => new()
    {
        ["kind"] = "Job",
        ["namespace"] = JsonRead.Str(job, "metadata", "namespace"),
        ["name"] = JsonRead.Str(job, "metadata", "name"),
        ["uid"] = JsonRead.Str(job, "metadata", "uid"),
        ["apiVersion"] = "batch/v1",
        ["resourceVersion"] = JsonRead.Str(job, "metadata", "resourceVersion"),
    };
}
