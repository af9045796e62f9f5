using System.Text.Json.Nodes;
using Karmada.Api;
using Karmada.Api.Meta;
using Karmada.Api.WellKnown;
using Karmada.Client;
using Karmada.Client.Controllers;
using Karmada.Client.Informers;
using Karmada.Controllers.Members;
using Karmada.Controllers.Status;
using Karmada.Interpreter;
using Microsoft.Extensions.Logging;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;
using WorkV1Alpha1 = Karmada.Api.Work.V1Alpha1;

namespace Karmada.Controllers.Execution;

/// <summary>
/// The <c>execution</c> controller (upstream <c>pkg/controllers/execution</c>): applies each Work of a served cluster's
/// execution namespace to that member (Push clusters in the controller-manager, its own cluster in a Pull agent; see
/// <see cref="IExecutionClusters"/>) — creating missing objects, correcting drifted ones with member-owned fields
/// retained, refusing objects Karmada does not own unless the manifest says <c>overwrite</c> — and reports the
/// <c>Dispatching</c> and <c>Applied</c> conditions. On Work deletion it deletes (or, with
/// <c>preserveResourcesOnDeletion</c>, releases) the member objects before removing its finalizer. Member-object
/// events re-enqueue the owning Work, so objects changed or deleted in the member are put back.
/// </summary>
public sealed partial class ExecutionController : IReconciler<ObjectKey>
{
    /// <summary>The controller's name in <c>--controllers</c>.</summary>
    public const string Name = "execution";

    /// <summary>How often a Work of a cluster that is not Ready is looked at again (Ready events also wake it).</summary>
    internal static readonly TimeSpan ClusterNotReadyRetry = TimeSpan.FromSeconds(10);

    /// <summary>Status writes go to the status subresource.</summary>
    internal static readonly PatchOptions StatusPatchOptions = new() { Subresource = "status" };

    private readonly KubeApiClient _client;
    private readonly SharedInformer<WorkV1Alpha1.Work> _works;
    private readonly SharedInformer<ClusterV1Alpha1.Cluster> _clusters;
    private readonly IExecutionClusters _targets;
    private readonly MemberClusterInformers _memberInformers;
    private readonly MemberObjectWatches _memberWatches;
    private readonly ManifestResourceResolver _resolver;
    private readonly AppliedVersionRecords _applied;
    private readonly IResourceInterpreter _interpreter;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public ExecutionController(
        KubeApiClient client,
        SharedInformer<WorkV1Alpha1.Work> works,
        SharedInformer<ClusterV1Alpha1.Cluster> clusters,
        IExecutionClusters targets,
        MemberClusterInformers memberInformers,
        MemberObjectWatches memberWatches,
        ManifestResourceResolver resolver,
        AppliedVersionRecords applied,
        IResourceInterpreter interpreter,
        TimeProvider timeProvider,
        ILogger<ExecutionController> logger)
    {
        _client = client;
        _works = works;
        _clusters = clusters;
        _targets = targets;
        _memberInformers = memberInformers;
        _memberWatches = memberWatches;
        _resolver = resolver;
        _applied = applied;
        _interpreter = interpreter;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>
    /// The member-object event handler that re-enqueues the owning Work on anything that may be drift: adds, deletes,
    /// and updates that changed the object's version or its labels/annotations (status-only writes by member
    /// controllers of generation-keeping kinds are skipped). With <paramref name="applied"/>, the add event of an object
    /// this controller has just created (the version it recorded) is skipped too: it is the echo of its own write, and
    /// reconciling it again doubled the controller's work under load.
    /// </summary>
    public static ResourceEventHandler<JsonObject> DriftHandler(Action<ObjectKey> enqueueWork, AppliedVersionRecords? applied = null)
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
                if (applied is null || !IsEchoOfOwnWrite(applied, obj))
                {
                    Enqueue(obj);
                }
            },
            OnUpdate = (old, current) =>
            {
                if (AppliedVersion.VersionOf(old) != AppliedVersion.VersionOf(current) || ManagedMetadataChanged(old, current))
                {
                    Enqueue(current);
                }
            },
            OnDelete = Enqueue,
        };
    }

    /// <summary>
    /// Whether an update changed a label or annotation Karmada manages on the member object: the keys the object's
    /// <c>managed-labels</c> / <c>managed-annotations</c> annotations list (before or after), or any key when it lists
    /// none. Keys only the member sets are retained by every apply, so their changes are not drift: the member's
    /// Deployment controller adding its revision annotation cost an execution reconcile per Work.
    /// </summary>
    public static bool ManagedMetadataChanged(JsonObject old, JsonObject current)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(current);
        return MapChanged(old, current, MetadataMaps.Labels, WellKnownAnnotations.ManagedLabels)
            || MapChanged(old, current, MetadataMaps.Annotations, WellKnownAnnotations.ManagedAnnotations);

        static bool MapChanged(JsonObject old, JsonObject current, string field, string managedKeysAnnotation)
        {
            // Most updates are member status writes that leave the maps alone: compared in place, without copying them.
            if (JsonNode.DeepEquals((old["metadata"] as JsonObject)?[field], (current["metadata"] as JsonObject)?[field]))
            {
                return false;
            }

            var before = MetadataMaps.Get(old, field);
            var after = MetadataMaps.Get(current, field);
            if (MetadataMaps.SameMap(before, after))
            {
                return false;
            }

            var listedBefore = MetadataMaps.GetValue(old, MetadataMaps.Annotations, managedKeysAnnotation);
            var listedAfter = MetadataMaps.GetValue(current, MetadataMaps.Annotations, managedKeysAnnotation);
            if (listedBefore is null && listedAfter is null)
            {
                return true;
            }

            if (listedBefore != listedAfter)
            {
                return true;
            }

            foreach (var key in listedAfter!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (before.GetValueOrDefault(key) != after.GetValueOrDefault(key))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Whether a member object is exactly the version this controller recorded when it wrote it.</summary>
    public static bool IsEchoOfOwnWrite(AppliedVersionRecords applied, JsonObject memberObject)
    {
        ArgumentNullException.ThrowIfNull(applied);
        ArgumentNullException.ThrowIfNull(memberObject);
        return KarmadaMarks.WorkOf(memberObject) is { } work
            && ReservedNamespaces.ClusterOfExecutionSpace(work.Namespace) is { } cluster
            && applied.Get(cluster, ManifestIdentity.Of(memberObject)) is { } version
            && version.ObjectVersion == AppliedVersion.VersionOf(memberObject);
    }

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var cached = _works.Indexer.Get(key);
        var clusterName = ReservedNamespaces.ClusterOfExecutionSpace(key.Namespace);
        if (cached is null || clusterName is null)
        {
            return ReconcileResult.Done;
        }

        var cluster = _clusters.Indexer.Get(new ObjectKey(null, clusterName));
        if (cached.Metadata.DeletionTimestamp is not null)
        {
            return await FinalizeAsync(cached, clusterName, cluster, cancellationToken);
        }

        if (cluster is null || !_targets.Serves(cluster) || cluster.Metadata.DeletionTimestamp is not null)
        {
            // Not a cluster this process serves (a Pull cluster's agent applies its Works); a leaving cluster takes its Works along.
            return ReconcileResult.Done;
        }

        var work = await EnsureFinalizerAsync(cached, cancellationToken);
        if (work.Spec.SuspendDispatching == true)
        {
            await WriteStatusAsync(work, [DispatchingCondition(suspended: true)], null, cancellationToken);
            return ReconcileResult.Done;
        }

        if (!WorkReconcilerHostedService.IsReady(cluster))
        {
            LogClusterNotReady(_logger, clusterName, key.ToString());
            return new ReconcileResult(ClusterNotReadyRetry);
        }

        var member = await _targets.GetClientAsync(cluster, cancellationToken);
        var factory = await _memberInformers.GetOrStartAsync(clusterName, member, cancellationToken);
        var errors = new List<string>();
        var written = new Dictionary<int, WorkV1Alpha1.ManifestStatus>();
        var manifests = work.Spec.Workload.Manifests;
        for (var ordinal = 0; ordinal < manifests.Count; ordinal++)
        {
            var manifest = manifests[ordinal];
            try
            {
                var (resource, memberObject, wrote) = await ApplyAsync(cluster, member, factory, manifest, cancellationToken);

                // Reflected now, from the member's own answer, so the first status rides on the Applied write (the
                // workStatus controller skips the echo of that create). An object in step whose status is missing is
                // reflected from the cache too.
                if (memberObject is not null
                    && (wrote || (KarmadaMarks.WorkOf(memberObject) == key && !work.Status.ManifestStatuses.Exists(s => s.Identifier.Ordinal == ordinal))))
                {
                    written[ordinal] = ManifestStatusBuilder.Build(ordinal, resource, memberObject, _interpreter);
                }
            }
            catch (Exception ex) when (ex is ApiException or ManifestResourceNotFoundException or ManifestConflictException or InterpreterException)
            {
                LogApplyFailed(_logger, ManifestIdentity.Of(manifest).ToString(), clusterName, ex.Message);
                errors.Add(ex.Message);
            }
        }

        var applied = errors.Count == 0
            ? new Condition { Type = WorkV1Alpha1.WorkConditionTypes.Applied, Status = ConditionStatus.True, Reason = WorkV1Alpha1.WorkConditionReasons.AppliedSuccessful, Message = "Manifest has been successfully applied" }
            : new Condition
            {
                Type = WorkV1Alpha1.WorkConditionTypes.Applied,
                Status = ConditionStatus.False,
                Reason = WorkV1Alpha1.WorkConditionReasons.AppliedFailed,
                Message = $"Failed to apply all manifests ({manifests.Count - errors.Count}/{manifests.Count}): {string.Join(", ", errors)}",
            };
        await WriteStatusAsync(work, [DispatchingCondition(suspended: false), applied], written, cancellationToken);
        if (errors.Count > 0)
        {
            // Rate-limited retry, as upstream returns the aggregate error.
            throw new WorkApplyException($"Work {key} was not fully applied to cluster {clusterName}: {applied.Message}");
        }

        return ReconcileResult.Done;
    }

    /// <summary>Applies one manifest; returns the member object as written by this pass or as observed, and whether it was written.</summary>
    private async Task<(ResourceRef Resource, JsonObject? Member, bool Wrote)> ApplyAsync(ClusterV1Alpha1.Cluster cluster, KubeApiClient member, InformerFactory factory, JsonObject manifest, CancellationToken cancellationToken)
    {
        var clusterName = cluster.Metadata.Name!;
        var identity = ManifestIdentity.Of(manifest);
        var resource = await _resolver.ResolveAsync(clusterName, member, identity.ApiVersion, identity.Kind, cluster.Status.ApiEnablements, cancellationToken);
        var ns = resource.Namespaced ? identity.Namespace : null;
        var informer = _memberWatches.Ensure(factory, resource);

        // A member informer still listing (first contact with a member or a kind) is not waited for: that wait held a
        // worker for a list round trip per member and serialized fan-out. The object is assumed missing; if it exists,
        // the create answers AlreadyExists and the decision is made again against the member's object below.
        var observed = informer.HasSynced ? informer.Indexer.Get(new ObjectKey(ns, identity.Name)) : null;

        // The cache may lag behind this controller's own writes: an AlreadyExists or Conflict answer is decided
        // again once against the member's current object.
        for (var attempt = 0; ; attempt++)
        {
            var plan = ManifestApplyPlanner.Plan(clusterName, manifest, observed, _applied.Get(clusterName, identity), _interpreter);
            try
            {
                switch (plan.Action)
                {
                    case ApplyAction.Create:
                        var created = await CreateAsync(clusterName, member, resource, identity, manifest, plan.Object!, cancellationToken);
                        LogCreated(_logger, identity.ToString(), clusterName);
                        return (resource, created, true);
                    case ApplyAction.Update:
                        var updated = await member.UpdateAsync(resource, plan.Object!, cancellationToken: cancellationToken);
                        _applied.Set(clusterName, identity, AppliedVersion.Of(manifest, updated));
                        LogUpdated(_logger, identity.ToString(), clusterName);
                        return (resource, updated, true);
                    case ApplyAction.Conflict:
                        throw new ManifestConflictException(plan.Message!);
                    default:
                        return (resource, observed, false);
                }
            }
            catch (ApiException ex) when (attempt == 0 && (ex.IsAlreadyExists() || ex.IsConflict()))
            {
                observed = await GetOrNullAsync(member, resource, ns, identity.Name, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Creates the member object. The member's watch may deliver it before the create returns, so the version it will
    /// have is recorded first: a new object of a kind that keeps a generation is at generation 1, and its add event is
    /// then recognised as this write's echo (<see cref="IsEchoOfOwnWrite"/>) rather than reconciled again.
    /// </summary>
    private async Task<JsonObject> CreateAsync(string clusterName, KubeApiClient member, ResourceRef resource, ManifestIdentity identity, JsonObject manifest, JsonObject obj, CancellationToken cancellationToken)
    {
        var previous = _applied.Get(clusterName, identity);
        var expected = new AppliedVersion(AppliedVersion.Digest(manifest), AppliedVersion.FirstGeneration);
        _applied.Set(clusterName, identity, expected);
        JsonObject created;
        try
        {
            created = await member.CreateAsync(resource, obj, cancellationToken: cancellationToken);
        }
        catch
        {
            if (previous is null)
            {
                _applied.Remove(clusterName, identity);
            }
            else
            {
                _applied.Set(clusterName, identity, previous);
            }

            throw;
        }

        _applied.Set(clusterName, identity, expected with { ObjectVersion = AppliedVersion.VersionOf(created) });
        return created;
    }

    private async Task<ReconcileResult> FinalizeAsync(WorkV1Alpha1.Work work, string clusterName, ClusterV1Alpha1.Cluster? cluster, CancellationToken cancellationToken)
    {
        if (!work.Metadata.Finalizers.Contains(WellKnownFinalizers.ExecutionController))
        {
            return ReconcileResult.Done;
        }

        if (cluster is not null && !_targets.Serves(cluster))
        {
            return ReconcileResult.Done;
        }

        var leaving = cluster?.Metadata.DeletionTimestamp is not null;
        if (cluster is not null && WorkReconcilerHostedService.IsReady(cluster))
        {
            try
            {
                var member = await _targets.GetClientAsync(cluster, cancellationToken);
                foreach (var manifest in work.Spec.Workload.Manifests)
                {
                    await RemoveFromMemberAsync(cluster, member, manifest, work.Spec.PreserveResourcesOnDeletion == true, cancellationToken);
                }
            }
            catch (Exception ex) when (leaving && ex is ApiException or HttpRequestException or MemberClusterConfigurationException or TimeoutException)
            {
                // Unjoining: one attempt at cleaning the member, then let the cluster go (its status is no longer kept).
                LogCleanupSkipped(_logger, WorkMeta.Accessor.GetKey(work).ToString(), clusterName, ex.Message);
            }
        }
        else if (cluster is not null && !leaving)
        {
            // The member objects must go first; wait for the cluster rather than orphan them.
            LogClusterNotReady(_logger, clusterName, WorkMeta.Accessor.GetKey(work).ToString());
            return new ReconcileResult(ClusterNotReadyRetry);
        }

        // Cleaned, or the cluster is gone or leaving unready: nothing more can be done in the member.
        var updated = work.DeepClone();
        updated.Metadata.Finalizers.Remove(WellKnownFinalizers.ExecutionController);
        await _client.UpdateAsync(WorkMeta.Resource, updated.Metadata.Namespace, updated.Metadata.Name!, updated, WorkMeta.TypeInfo, cancellationToken: cancellationToken);
        return ReconcileResult.Done;
    }

    private async Task RemoveFromMemberAsync(ClusterV1Alpha1.Cluster cluster, KubeApiClient member, JsonObject manifest, bool preserve, CancellationToken cancellationToken)
    {
        var clusterName = cluster.Metadata.Name!;
        var identity = ManifestIdentity.Of(manifest);
        ResourceRef resource;
        try
        {
            resource = await _resolver.ResolveAsync(clusterName, member, identity.ApiVersion, identity.Kind, cluster.Status.ApiEnablements, cancellationToken);
        }
        catch (ManifestResourceNotFoundException)
        {
            // The member does not serve the kind, so it holds no such object.
            return;
        }

        var ns = resource.Namespaced ? identity.Namespace : null;
        _applied.Remove(clusterName, identity);
        var observed = await GetOrNullAsync(member, resource, ns, identity.Name, cancellationToken);
        if (observed is null || !KarmadaMarks.IsManaged(observed))
        {
            return;
        }

        if (preserve)
        {
            if (KarmadaMarks.Release(observed))
            {
                await member.UpdateAsync(resource, observed, cancellationToken: cancellationToken);
                LogReleased(_logger, identity.ToString(), clusterName);
            }

            return;
        }

        try
        {
            // Background, explicitly: a Job's default would orphan its Pods (karmada#969).
            await member.DeleteAsync(resource, ns, identity.Name, new DeleteOptions { PropagationPolicy = PropagationPolicy.Background }, cancellationToken);
            LogDeleted(_logger, identity.ToString(), clusterName);
        }
        catch (ApiException ex) when (ex.IsNotFound())
        {
            // Already gone.
        }
    }

    private async Task<WorkV1Alpha1.Work> EnsureFinalizerAsync(WorkV1Alpha1.Work cached, CancellationToken cancellationToken)
    {
        if (cached.Metadata.Finalizers.Contains(WellKnownFinalizers.ExecutionController))
        {
            return cached;
        }

        var work = cached.DeepClone();
        work.Metadata.Finalizers.Add(WellKnownFinalizers.ExecutionController);
        return await _client.UpdateAsync(WorkMeta.Resource, work.Metadata.Namespace, work.Metadata.Name!, work, WorkMeta.TypeInfo, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Writes the conditions, and the statuses of the member objects this pass wrote, in one status patch when either
    /// changed. The statuses are conditional on the Work being unchanged since it was read; if the workStatus
    /// controller wrote meanwhile, its (as fresh) statuses stay and only the conditions are written.
    /// </summary>
    private async Task WriteStatusAsync(WorkV1Alpha1.Work current, IReadOnlyList<Condition> conditions, IReadOnlyDictionary<int, WorkV1Alpha1.ManifestStatus>? written, CancellationToken cancellationToken)
    {
        // Only the conditions are edited: cloning the whole status copied every manifest status per reconcile.
        var updatedConditions = current.Status.Conditions.DeepClone();
        var now = _timeProvider.GetUtcNow();
        var conditionsChanged = false;
        foreach (var condition in conditions)
        {
            conditionsChanged |= ConditionSetter.Set(updatedConditions, condition, now);
        }

        List<WorkV1Alpha1.ManifestStatus>? statuses = null;
        if (written is { Count: > 0 })
        {
            statuses = WorkStatusPatch.Merge(current.Status.ManifestStatuses, written);
            if (WorkStatusPatch.SameStatuses(current.Status.ManifestStatuses, statuses))
            {
                statuses = null;
            }
        }

        if (!conditionsChanged && statuses is null)
        {
            return;
        }

        var (ns, name) = (current.Metadata.Namespace, current.Metadata.Name!);
        var resourceVersion = current.Metadata.ResourceVersion;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var patch = WorkStatusPatch.Build(conditionsChanged ? updatedConditions : null, statuses, statuses is null ? null : resourceVersion);
                await _client.PatchAsync(WorkMeta.Resource, ns, name, PatchType.Merge, patch, StatusPatchOptions, cancellationToken);
                return;
            }
            catch (ApiException ex) when (ex.IsConflict() && statuses is not null && attempt < 3)
            {
                // The workStatus controller wrote meanwhile: its entries are as fresh as ours, so only the manifests it
                // has no entry for yet are added.
                var latest = await _client.GetAsync(WorkMeta.Resource, ns, name, WorkMeta.TypeInfo, cancellationToken);
                resourceVersion = latest.Metadata.ResourceVersion;
                var missing = written!.Where(w => !latest.Status.ManifestStatuses.Exists(s => s.Identifier.Ordinal == w.Key)).ToDictionary();
                statuses = missing.Count == 0 ? null : WorkStatusPatch.Merge(latest.Status.ManifestStatuses, missing);
                if (!conditionsChanged && statuses is null)
                {
                    return;
                }
            }
        }
    }

    private static Condition DispatchingCondition(bool suspended) => suspended
        ? new Condition { Type = WorkV1Alpha1.WorkConditionTypes.Dispatching, Status = ConditionStatus.False, Reason = WorkV1Alpha1.WorkConditionReasons.SuspendDispatching, Message = "Work dispatching is in a suspended state." }
        : new Condition { Type = WorkV1Alpha1.WorkConditionTypes.Dispatching, Status = ConditionStatus.True, Reason = WorkV1Alpha1.WorkConditionReasons.Dispatching, Message = "Work is being dispatched to member clusters." };

    internal static async Task<JsonObject?> GetOrNullAsync(KubeApiClient member, ResourceRef resource, string? ns, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await member.GetAsync(resource, ns, name, cancellationToken);
        }
        catch (ApiException ex) when (ex.IsNotFound())
        {
            return null;
        }
    }

    // Event ids 4600-4649: execution controller. Next free id: 4607.
    [LoggerMessage(4600, LogLevel.Information, "Created resource({Object}) in cluster {Cluster}")]
    private static partial void LogCreated(ILogger logger, string @object, string cluster);

    [LoggerMessage(4601, LogLevel.Information, "Updated resource({Object}) in cluster {Cluster}")]
    private static partial void LogUpdated(ILogger logger, string @object, string cluster);

    [LoggerMessage(4602, LogLevel.Information, "Deleted resource({Object}) in cluster {Cluster}")]
    private static partial void LogDeleted(ILogger logger, string @object, string cluster);

    [LoggerMessage(4603, LogLevel.Information, "Released resource({Object}) in cluster {Cluster}: Karmada's labels and annotations removed, object kept")]
    private static partial void LogReleased(ILogger logger, string @object, string cluster);

    [LoggerMessage(4604, LogLevel.Warning, "Failed to apply resource({Object}) to cluster {Cluster}: {Error}")]
    private static partial void LogApplyFailed(ILogger logger, string @object, string cluster, string error);

    [LoggerMessage(4605, LogLevel.Information, "Cluster {Cluster} is not Ready; Work {Work} waits")]
    private static partial void LogClusterNotReady(ILogger logger, string cluster, string work);

    [LoggerMessage(4606, LogLevel.Warning, "Work {Work} leaves cluster {Cluster} without cleaning the member: {Error}")]
    private static partial void LogCleanupSkipped(ILogger logger, string work, string cluster, string error);
}
