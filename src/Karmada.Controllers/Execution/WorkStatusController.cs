using System.Text.Json.Nodes;
using Karmada.Client;
using Karmada.Client.Controllers;
using Karmada.Client.Informers;
using Karmada.Controllers.Members;
using Karmada.Controllers.Runtime;
using Karmada.Interpreter;
using Microsoft.Extensions.Logging;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;
using WorkV1Alpha1 = Karmada.Api.Work.V1Alpha1;

namespace Karmada.Controllers.Execution;

/// <summary>
/// The <c>workStatus</c> controller (upstream <c>pkg/controllers/status/work_status_controller.go</c>): watches the
/// member objects the Works of served clusters (<see cref="IExecutionClusters"/>) put there (member informers started lazily per resource) and writes
/// <c>Work.status.manifestStatuses</c> — identifier, reflected status and health of each manifest's member object —
/// when it changed. Member events find their Work through the <c>work.karmada.io/{namespace,name}</c> annotations.
/// A member object reports its rollout in several status writes within a second or two; the changes of one Work are
/// folded into one write per <see cref="StatusWriteInterval"/> (<see cref="StatusWritePacing"/>), which cut the
/// Work status writes, and the binding status syncs they trigger, from one per member status step.
/// </summary>
public sealed partial class WorkStatusController : IReconciler<ObjectKey>
{
    /// <summary>The controller's name in <c>--controllers</c> (upstream's flag name).</summary>
    public const string Name = "workStatus";

    /// <summary>
    /// How long a Work's status changes are collected before they are written (the most a status lags): as the binding
    /// status controllers', so a member rollout's steps (created, counted, ready, rollout complete) mostly land in one write.
    /// </summary>
    public static readonly TimeSpan StatusWriteInterval = StatusWritePacing.DefaultInterval;

    private static readonly TimeSpan PendingRetry = TimeSpan.FromMilliseconds(500);

    private readonly KubeApiClient _client;
    private readonly SharedInformer<WorkV1Alpha1.Work> _works;
    private readonly SharedInformer<ClusterV1Alpha1.Cluster> _clusters;
    private readonly IExecutionClusters _targets;
    private readonly MemberClusterInformers _memberInformers;
    private readonly MemberObjectWatches _memberWatches;
    private readonly ManifestResourceResolver _resolver;
    private readonly IResourceInterpreter _interpreter;
    private readonly StatusWritePacing _pacing;
    private readonly ILogger _logger;

    public WorkStatusController(
        KubeApiClient client,
        SharedInformer<WorkV1Alpha1.Work> works,
        SharedInformer<ClusterV1Alpha1.Cluster> clusters,
        IExecutionClusters targets,
        MemberClusterInformers memberInformers,
        MemberObjectWatches memberWatches,
        ManifestResourceResolver resolver,
        IResourceInterpreter interpreter,
        TimeProvider timeProvider,
        ILogger<WorkStatusController> logger,
        TimeSpan? statusWriteInterval = null)
    {
        _client = client;
        _works = works;
        _clusters = clusters;
        _targets = targets;
        _memberInformers = memberInformers;
        _memberWatches = memberWatches;
        _resolver = resolver;
        _interpreter = interpreter;
        _pacing = new StatusWritePacing(statusWriteInterval ?? StatusWriteInterval, timeProvider);
        _logger = logger;
    }

    /// <summary>
    /// The member-object event handler: every add, update and delete re-reads the owning Work's statuses, except, with
    /// <paramref name="applied"/>, the add of an object the execution controller has just created: that controller
    /// writes its status together with the Applied condition (reconciling the echo raced that write).
    /// </summary>
    public static ResourceEventHandler<JsonObject> StatusHandler(Action<ObjectKey> enqueueWork, AppliedVersionRecords? applied = null)
    {
        ArgumentNullException.ThrowIfNull(enqueueWork);
        void Enqueue(JsonObject obj)
        {
            if (KarmadaMarks.WorkOf(obj) is { } work)
            {
                enqueueWork(work);
            }
        }

        return new ResourceEventHandler<JsonObject>
        {
            OnAdd = obj =>
            {
                if (applied is null || !ExecutionController.IsEchoOfOwnWrite(applied, obj))
                {
                    Enqueue(obj);
                }
            },
            OnUpdate = (_, current) => Enqueue(current),
            OnDelete = Enqueue,
        };
    }

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var work = _works.Indexer.Get(key);
        var clusterName = Api.WellKnown.ReservedNamespaces.ClusterOfExecutionSpace(key.Namespace);
        if (work is null || work.Metadata.DeletionTimestamp is not null || clusterName is null)
        {
            _pacing.Forget(key);
            return ReconcileResult.Done;
        }

        var cluster = _clusters.Indexer.Get(new ObjectKey(null, clusterName));
        if (cluster is null
            || !_targets.Serves(cluster)
            || cluster.Metadata.DeletionTimestamp is not null
            || !WorkReconcilerHostedService.IsReady(cluster))
        {
            // Statuses stay as last seen while the member cannot be read; a Ready event brings the Work back.
            return ReconcileResult.Done;
        }

        if (_pacing.OpenWindowRemaining(key) is { } open)
        {
            // A change is already waiting for the end of this Work's window; the statuses are read then.
            return ReconcileResult.After(open);
        }

        var member = await _targets.GetClientAsync(cluster, cancellationToken);
        var factory = await _memberInformers.GetOrStartAsync(clusterName, member, cancellationToken);
        var statuses = new List<WorkV1Alpha1.ManifestStatus>();
        var pending = false;
        var manifests = work.Spec.Workload.Manifests;
        for (var ordinal = 0; ordinal < manifests.Count; ordinal++)
        {
            var identity = ManifestIdentity.Of(manifests[ordinal]);
            ResourceRef resource;
            try
            {
                resource = await _resolver.ResolveAsync(clusterName, member, identity.ApiVersion, identity.Kind, cluster.Status.ApiEnablements, cancellationToken);
            }
            catch (ManifestResourceNotFoundException)
            {
                // Nothing of that kind can exist in the member; the execution controller reports it.
                continue;
            }

            var informer = _memberWatches.Ensure(factory, resource);
            if (!informer.HasSynced)
            {
                pending = true;
                continue;
            }

            var observed = informer.Indexer.Get(new ObjectKey(resource.Namespaced ? identity.Namespace : null, identity.Name));
            if (observed is not null && KarmadaMarks.WorkOf(observed) == key)
            {
                statuses.Add(ManifestStatusBuilder.Build(ordinal, resource, observed, _interpreter));
            }
        }

        if (WorkStatusPatch.SameStatuses(work.Status.ManifestStatuses, statuses))
        {
            // Nothing to write: the next change opens a fresh window.
            _pacing.Forget(key);
        }
        else if (_pacing.WaitBeforeSync(key) is { } wait)
        {
            // Collected now, written at the end of the window with whatever the member says then.
            return ReconcileResult.After(wait);
        }
        else
        {
            // Only the field this controller owns: a full status update conflicted with the execution controller's
            // condition writes (see WorkStatusPatch).
            await _client.PatchAsync(WorkMeta.Resource, key.Namespace, key.Name, PatchType.Merge, WorkStatusPatch.Build(null, statuses), ExecutionController.StatusPatchOptions, cancellationToken);
            LogStatusUpdated(_logger, key.ToString(), statuses.Count, manifests.Count);
        }

        // A member informer still listing: look again shortly (its events also bring the Work back).
        return pending ? new ReconcileResult(PendingRetry) : ReconcileResult.Done;
    }

    // Event ids 4650-4699: work status controller. Next free id: 4651.
    [LoggerMessage(4650, LogLevel.Debug, "Updated manifest statuses of Work {Work}: {Found}/{Total} member objects")]
    private static partial void LogStatusUpdated(ILogger logger, string work, int found, int total);
}
