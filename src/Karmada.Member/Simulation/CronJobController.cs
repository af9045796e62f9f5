using System.Globalization;
using System.Text.Json.Nodes;
using Karmada.Client;
using Karmada.Client.Controllers;
using Karmada.Client.Informers;
using Karmada.Client.Queues;
using Microsoft.Extensions.Logging;

namespace Karmada.Member.Simulation;

/// <summary>
/// kube-controller-manager's CronJob controller (v2): keeps <c>status.active</c> in step with the owned Jobs, records
/// <c>lastSuccessfulTime</c>, trims finished Jobs to the history limits, and at each scheduled time (the
/// <see cref="CronSchedule"/> on the injected clock, within <c>startingDeadlineSeconds</c>) creates the Job named for
/// that time, honouring <c>suspend</c> and <c>concurrencyPolicy</c> Allow, Forbid and Replace. It then requeues
/// itself for the next scheduled time, so nothing polls.
/// </summary>
internal sealed partial class CronJobController : IReconciler<ObjectKey>
{
    public const string Name = "cronjob-controller";
    private const string Kind = "CronJob";

    // Upstream wakes slightly after the scheduled time so the time is surely due.
    private static readonly TimeSpan WakeMargin = TimeSpan.FromMilliseconds(100);

    private readonly KubeApiClient _client;
    private readonly SharedInformer<JsonObject> _cronJobs;
    private readonly SharedInformer<JsonObject> _jobs;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public CronJobController(KubeApiClient client, SharedInformer<JsonObject> cronJobs, SharedInformer<JsonObject> jobs, TimeProvider timeProvider, ILogger logger)
    {
        _client = client;
        _cronJobs = cronJobs;
        _jobs = jobs;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public void Register(WorkQueue<ObjectKey> queue)
    {
        _cronJobs.AddEventHandler(
            onAdd: cj => queue.Add(JsonObjectMeta.Accessor.GetKey(cj)),
            onUpdate: (_, cj) => queue.Add(JsonObjectMeta.Accessor.GetKey(cj)));
        void Owner(JsonObject job)
        {
            if (JsonRead.ControllerName(job, Kind) is { } name)
            {
                queue.Add(new ObjectKey(JsonRead.Str(job, "metadata", "namespace"), name));
            }
        }

        _jobs.AddEventHandler(onAdd: Owner, onUpdate: (_, job) => Owner(job), onDelete: Owner);
    }

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var cronJob = _cronJobs.Indexer.Get(key);
        if (cronJob is null || JsonRead.Node(cronJob, "metadata", "deletionTimestamp") is not null)
        {
            return ReconcileResult.Done;
        }

        var uid = JsonRead.Str(cronJob, "metadata", "uid") ?? "";
        var jobs = _jobs.Indexer.ByIndex(JsonIndexers.OwnerUidIndex, uid).Where(j => JsonRead.ControllerUid(j, Kind) == uid).ToList();
        var status = JsonRead.Obj(cronJob, "status")?.DeepClone() as JsonObject ?? [];
        var active = await ReconcileActiveAsync(key, status, jobs, cancellationToken);

        foreach (var surplus in CronJobPlan.SurplusHistory(cronJob, jobs))
        {
            await DeleteJobAsync(surplus, cancellationToken);
            jobs.Remove(surplus);
        }

        var result = await ScheduleAsync(key, cronJob, jobs, active, status, cancellationToken);
        status.Remove("active");
        if (active.Count > 0)
        {
            status["active"] = new JsonArray([.. active.Values.Select(r => r.DeepClone())]);
        }

        if (!JsonNode.DeepEquals(status, JsonRead.Obj(cronJob, "status") ?? []))
        {
            var updated = ObjectCloner.DeepClone(cronJob);
            updated["status"] = status;
            try
            {
                await _client.UpdateStatusAsync(SimulatedResources.CronJobs, updated, cancellationToken: cancellationToken);
            }
            catch (ApiException ex) when (ex.IsNotFound())
            {
            }
        }

        return result;
    }

    /// <summary>Active references of the running owned Jobs; finished ones leave the list and set lastSuccessfulTime.</summary>
    private async Task<Dictionary<string, JsonObject>> ReconcileActiveAsync(ObjectKey key, JsonObject status, List<JsonObject> jobs, CancellationToken cancellationToken)
    {
        var active = JsonRead.Objects(status, "active").ToDictionary(r => JsonRead.Str(r, "uid") ?? "", r => r, StringComparer.Ordinal);
        foreach (var job in jobs)
        {
            var jobUid = JsonRead.Str(job, "metadata", "uid") ?? "";
            var finished = CronJobPlan.Finished(job);
            if (finished is null)
            {
                active[jobUid] = CronJobPlan.Reference(job);
                continue;
            }

            if (active.Remove(jobUid) && finished == "Complete"
                && JsonRead.Str(job, "status", "completionTime") is { } completed
                && string.CompareOrdinal(completed, JsonRead.Str(status, "lastSuccessfulTime")) > 0)
            {
                status["lastSuccessfulTime"] = completed;
            }
        }

        var cached = jobs.Select(j => JsonRead.Str(j, "metadata", "uid")).ToHashSet(StringComparer.Ordinal);
        foreach (var (jobUid, reference) in active.Where(a => !cached.Contains(a.Key)).ToList())
        {
            // Not in the cache: just created, or gone. Ask the server, as upstream does, before forgetting it.
            try
            {
                var job = await _client.GetAsync(SimulatedResources.Jobs, key.Namespace, JsonRead.Str(reference, "name") ?? "", cancellationToken);
                if (JsonRead.Str(job, "metadata", "uid") != jobUid)
                {
                    active.Remove(jobUid);
                }
            }
            catch (ApiException ex) when (ex.IsNotFound())
            {
                active.Remove(jobUid);
            }
        }

        return active;
    }

    private async Task<ReconcileResult> ScheduleAsync(ObjectKey key, JsonObject cronJob, List<JsonObject> jobs, Dictionary<string, JsonObject> active, JsonObject status, CancellationToken cancellationToken)
    {
        if (JsonRead.Bool(cronJob, "spec", "suspend") == true)
        {
            return ReconcileResult.Done;
        }

        CronSchedule schedule;
        try
        {
            schedule = CronSchedule.Parse(JsonRead.Str(cronJob, "spec", "schedule") ?? "", JsonRead.Str(cronJob, "spec", "timeZone"));
        }
        catch (FormatException ex)
        {
            LogInvalidSchedule(_logger, key.Namespace ?? "", key.Name, ex.Message);
            return ReconcileResult.Done;
        }

        var now = _timeProvider.GetUtcNow();
        var earliest = ParseTime(JsonRead.Str(status, "lastScheduleTime")) ?? ParseTime(JsonRead.Str(cronJob, "metadata", "creationTimestamp")) ?? now;
        var deadline = JsonRead.Long(cronJob, "spec", "startingDeadlineSeconds") is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        if (deadline is { } d && now - d > earliest)
        {
            earliest = now - d;
        }

        var (scheduled, _) = schedule.MostRecent(earliest, now);
        var wake = schedule.Next(now) is { } next ? ReconcileResult.After(next - now + WakeMargin) : ReconcileResult.Done;
        if (scheduled is not { } due || (deadline is { } late && due + late < now))
        {
            return wake;
        }

        var name = CronJobPlan.JobName(key.Name, due);
        if (jobs.Any(j => JsonRead.Str(j, "metadata", "name") == name) || active.Values.Any(r => JsonRead.Str(r, "name") == name))
        {
            return wake;
        }

        switch (JsonRead.Str(cronJob, "spec", "concurrencyPolicy"))
        {
            case "Forbid" when active.Count > 0:
                // The time stays due: when the running Job finishes its event brings the controller back here.
                return wake;
            case "Replace":
                foreach (var (jobUid, reference) in active.ToList())
                {
                    await DeleteJobAsync(reference, cancellationToken);
                    active.Remove(jobUid);
                }

                break;
            default:
                break;
        }

        JsonObject created;
        try
        {
            created = await _client.CreateAsync(SimulatedResources.Jobs, CronJobPlan.NewJob(cronJob, due), cancellationToken: cancellationToken);
        }
        catch (ApiException ex) when (ex.IsAlreadyExists())
        {
            return wake;
        }

        LogCreated(_logger, key.Namespace ?? "", name, Timestamps.Format(due));
        active[JsonRead.Str(created, "metadata", "uid") ?? ""] = CronJobPlan.Reference(created);
        status["lastScheduleTime"] = Timestamps.Format(due);
        return wake;
    }

    private async Task DeleteJobAsync(JsonObject jobOrReference, CancellationToken cancellationToken)
    {
        var name = JsonRead.Str(jobOrReference, "metadata", "name") ?? JsonRead.Str(jobOrReference, "name") ?? "";
        var ns = JsonRead.Str(jobOrReference, "metadata", "namespace") ?? JsonRead.Str(jobOrReference, "namespace");
        try
        {
            await _client.DeleteAsync(SimulatedResources.Jobs, ns, name, new DeleteOptions { PropagationPolicy = PropagationPolicy.Background }, cancellationToken);
        }
        catch (ApiException ex) when (ex.IsNotFound())
        {
        }
    }

    private static DateTimeOffset? ParseTime(string? text) =>
        text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    // Event ids 8400-8499: cronjob controller. Next free id: 8402.
    [LoggerMessage(8400, LogLevel.Information, "CronJob {Namespace}: created Job {Job} for {Scheduled}")]
    private static partial void LogCreated(ILogger logger, string @namespace, string job, string scheduled);

    [LoggerMessage(8401, LogLevel.Warning, "CronJob {Namespace}/{Name} has an invalid schedule: {Reason}")]
    private static partial void LogInvalidSchedule(ILogger logger, string @namespace, string name, string reason);
}
