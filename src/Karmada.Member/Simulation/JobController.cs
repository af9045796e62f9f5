using System.Text.Json.Nodes;
using Karmada.Client;
using Karmada.Client.Controllers;
using Karmada.Client.Informers;
using Karmada.Client.Queues;

namespace Karmada.Member.Simulation;

/// <summary>
/// kube-controller-manager's Job controller for NonIndexed jobs: runs up to <c>parallelism</c> pods until
/// <c>completions</c> pods succeeded (without completions: until one succeeded), honours <c>suspend</c>, and writes
/// <c>status.active/ready/succeeded/failed/startTime/completionTime</c> and the <c>SuccessCriteriaMet</c> and
/// <c>Complete</c> conditions.
/// </summary>
internal sealed class JobController : IReconciler<ObjectKey>
{
    public const string Name = "job-controller";

    private readonly KubeApiClient _client;
    private readonly SharedInformer<JsonObject> _jobs;
    private readonly SharedInformer<JsonObject> _pods;
    private readonly TimeProvider _timeProvider;
    private readonly ControllerExpectations _expectations;
    private readonly PodControl _podControl;

    public JobController(KubeApiClient client, SharedInformer<JsonObject> jobs, SharedInformer<JsonObject> pods, TimeProvider timeProvider)
    {
        _client = client;
        _jobs = jobs;
        _pods = pods;
        _timeProvider = timeProvider;
        _expectations = new ControllerExpectations(timeProvider);
        _podControl = new PodControl(client, _expectations);
    }

    public void Register(WorkQueue<ObjectKey> queue)
    {
        _jobs.AddEventHandler(
            onAdd: job => queue.Add(JsonObjectMeta.Accessor.GetKey(job)),
            onUpdate: (_, job) => queue.Add(JsonObjectMeta.Accessor.GetKey(job)),
            onDelete: job => _expectations.Forget(JsonObjectMeta.Accessor.GetKey(job).ToString()));
        void Owner(JsonObject pod, Action<string>? observed)
        {
            if (JsonRead.ControllerName(pod, "Job") is { } name)
            {
                var key = new ObjectKey(JsonRead.Str(pod, "metadata", "namespace"), name);
                observed?.Invoke(key.ToString());
                queue.Add(key);
            }
        }

        _pods.AddEventHandler(
            onAdd: pod => Owner(pod, _expectations.CreationObserved),
            onUpdate: (old, pod) => Owner(pod, JsonRead.StartedTerminating(old, pod) ? key => _expectations.DeletionObserved(key, PodControl.PodUid(pod)) : null),
            onDelete: pod => Owner(pod, key => _expectations.DeletionObserved(key, PodControl.PodUid(pod))));
    }

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var job = _jobs.Indexer.Get(key);
        if (job is null || JsonRead.Node(job, "metadata", "deletionTimestamp") is not null
            || JsonRead.ConditionStatus(job, "Complete") == "True" || JsonRead.ConditionStatus(job, "Failed") == "True")
        {
            return ReconcileResult.Done;
        }

        // Asked before the pods are read: a pod event satisfying the expectations after the read would let a list
        // lacking that pod create its replacement (upstream's syncJob reads them in this order too).
        var keyText = key.ToString();
        var needsSync = _expectations.Satisfied(keyText);
        var uid = JsonRead.Str(job, "metadata", "uid") ?? "";
        var pods = _pods.Indexer.ByIndex(JsonIndexers.OwnerUidIndex, uid).Where(p => JsonRead.ControllerUid(p, "Job") == uid).ToList();
        var active = pods.Where(JsonRead.IsPodActive).ToList();
        var succeeded = pods.Count(p => JsonRead.Str(p, "status", "phase") == "Succeeded");
        var failed = pods.Count(p => JsonRead.Str(p, "status", "phase") == "Failed");
        var completions = JsonRead.Long(job, "spec", "completions") is { } c ? (int)c : (int?)null;
        var parallelism = (int)(JsonRead.Long(job, "spec", "parallelism") ?? 1);
        var suspended = JsonRead.Bool(job, "spec", "suspend") == true;
        var complete = completions is { } total ? succeeded >= total : succeeded > 0 && active.Count == 0;
        var wantActive = complete || suspended ? 0
            : completions is { } n ? Math.Min(parallelism, n - succeeded)
            : succeeded > 0 ? 0 : parallelism;

        if (needsSync)
        {
            if (active.Count < wantActive)
            {
                var template = JsonRead.Obj(job, "spec", "template") ?? [];
                var labels = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["batch.kubernetes.io/controller-uid"] = uid,
                    ["batch.kubernetes.io/job-name"] = key.Name,
                    ["controller-uid"] = uid,
                    ["job-name"] = key.Name,
                };
                await _podControl.CreateAsync(keyText, () => PodControl.NewPod(job, "Job", "batch/v1", template, labels), wantActive - active.Count, cancellationToken);
            }
            else if (active.Count > wantActive)
            {
                await _podControl.DeleteAsync(keyText, PodControl.DeletionOrder(active).Take(active.Count - wantActive).ToList(), cancellationToken);
            }
        }

        var now = Timestamps.Format(_timeProvider.GetUtcNow());
        var status = JsonRead.Obj(job, "status")?.DeepClone() as JsonObject ?? [];
        status["active"] = complete ? 0 : active.Count;
        status["ready"] = active.Count(JsonRead.IsPodReady);
        status["succeeded"] = succeeded;
        status["failed"] = failed;
        status["terminating"] = 0;
        if (!suspended && status["startTime"] is null)
        {
            status["startTime"] = now;
        }

        if (complete)
        {
            status["completionTime"] = now;
            Conditions.Set(status, "SuccessCriteriaMet", "True", "CompletionsReached", "Reached expected number of succeeded pods", _timeProvider.GetUtcNow());
            Conditions.Set(status, "Complete", "True", "CompletionsReached", "Reached expected number of succeeded pods", _timeProvider.GetUtcNow());
        }

        if (StatusComparer.Differs(status, JsonRead.Obj(job, "status")))
        {
            var copy = ObjectCloner.DeepClone(job);
            copy["status"] = status;
            try
            {
                await _client.UpdateStatusAsync(SimulatedResources.Jobs, copy, cancellationToken: cancellationToken);
            }
            catch (ApiException ex) when (ex.IsNotFound())
            {
            }
        }

        return ReconcileResult.Done;
    }
}
