using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Karmada.Client;
using Karmada.Client.Controllers;
using Karmada.Client.Informers;
using Karmada.Client.Queues;

namespace Karmada.Member.Simulation;

/// <summary>
/// kube-controller-manager's Deployment controller: one ReplicaSet per pod template (named and labelled with the
/// template's <c>pod-template-hash</c>, annotated as upstream with its revision, the Deployment's annotations and the
/// replica counts it was scaled for: <see cref="DeploymentRevisions"/>), the Deployment's revision annotation (written
/// with its status, as upstream's UpdateStatus does), scaling, RollingUpdate within maxSurge and
/// maxUnavailable (one step per reconcile, as <c>rolling.go</c>), Recreate, cleanup beyond revisionHistoryLimit, and
/// the status kubectl and Karmada read: replicas, updatedReplicas, readyReplicas, availableReplicas,
/// unavailableReplicas, observedGeneration and the Available and Progressing conditions.
/// </summary>
internal sealed class DeploymentController : IReconciler<ObjectKey>
{
    public const string Name = "deployment-controller";
    public const string PodTemplateHashLabel = "pod-template-hash";

    private readonly KubeApiClient _client;
    private readonly SharedInformer<JsonObject> _deployments;
    private readonly SharedInformer<JsonObject> _replicaSets;
    private readonly TimeProvider _timeProvider;

    // The template's hash by Deployment uid, valid for one generation (a template change bumps the generation): the
    // canonical JSON of a whole pod template is too costly to rebuild on every ReplicaSet status event.
    private readonly ConcurrentDictionary<string, (long Generation, string Hash)> _templateHashes = new(StringComparer.Ordinal);
    private readonly MutationCache<JsonObject> _statusWrites = new(JsonObjectMeta.GetResourceVersion, JsonObjectMeta.GetUid);

    public DeploymentController(KubeApiClient client, SharedInformer<JsonObject> deployments, SharedInformer<JsonObject> replicaSets, TimeProvider timeProvider)
    {
        _client = client;
        _deployments = deployments;
        _replicaSets = replicaSets;
        _timeProvider = timeProvider;
    }

    public void Register(WorkQueue<ObjectKey> queue)
    {
        _deployments.AddEventHandler(
            onAdd: d => queue.Add(JsonObjectMeta.Accessor.GetKey(d)),
            onUpdate: (_, d) =>
            {
                var key = JsonObjectMeta.Accessor.GetKey(d);
                if (!_statusWrites.IsOwnWrite(key, d))
                {
                    queue.Add(key);
                }
            },
            onDelete: d =>
            {
                _templateHashes.TryRemove(JsonRead.Str(d, "metadata", "uid") ?? "", out _);
                _statusWrites.Forget(JsonObjectMeta.Accessor.GetKey(d));
            });
        void Owner(JsonObject rs)
        {
            if (JsonRead.ControllerName(rs, "Deployment") is { } name)
            {
                queue.Add(new ObjectKey(JsonRead.Str(rs, "metadata", "namespace"), name));
            }
        }

        _replicaSets.AddEventHandler(onAdd: Owner, onUpdate: (_, rs) => Owner(rs), onDelete: Owner);
    }

    /// <summary>The <c>pod-template-hash</c> of a pod template.</summary>
    public static string TemplateHash(JsonObject? template) => StableHash.SafeEncode(StableHash.Fnv32(CanonicalJson.Write(template)));

    /// <summary>Resolves an int-or-percent (maxSurge, maxUnavailable) against the replica count.</summary>
    public static int Resolve(JsonNode? value, int replicas, bool roundUp)
    {
        if (value is JsonValue v && v.TryGetValue<string>(out var text))
        {
            if (text.EndsWith('%') && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var percent))
            {
                var exact = percent * replicas / 100;
                return (int)(roundUp ? Math.Ceiling(exact) : Math.Floor(exact));
            }

            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : 0;
        }

        return (int)(JsonRead.Long(value) ?? 0);
    }

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        // Gone from the informer is gone: a remembered status write does not bring it back.
        var deployment = _deployments.Indexer.Get(key) is { } cached ? _statusWrites.Resolve(key, cached) : null;
        if (deployment is null || JsonRead.Node(deployment, "metadata", "deletionTimestamp") is not null)
        {
            return ReconcileResult.Done;
        }

        var uid = JsonRead.Str(deployment, "metadata", "uid") ?? "";
        var owned = _replicaSets.Indexer.ByIndex(JsonIndexers.OwnerUidIndex, uid)
            .Where(rs => JsonRead.ControllerUid(rs, "Deployment") == uid && JsonRead.Node(rs, "metadata", "deletionTimestamp") is null)
            .ToList();
        var template = JsonRead.Obj(deployment, "spec", "template");
        var hash = CurrentTemplateHash(uid, JsonRead.Long(deployment, "metadata", "generation"), template);
        var newRs = owned.FirstOrDefault(rs => JsonRead.Str(rs, "metadata", "labels", PodTemplateHashLabel) == hash);
        var oldRss = owned.Where(rs => rs != newRs).OrderBy(DeploymentRevisions.Revision).ToList();
        var replicas = (int)(JsonRead.Long(deployment, "spec", "replicas") ?? 1);
        var recreate = JsonRead.Str(deployment, "spec", "strategy", "type") == "Recreate";
        var maxSurge = recreate ? 0 : Resolve(JsonRead.Node(deployment, "spec", "strategy", "rollingUpdate", "maxSurge") ?? "25%", replicas, roundUp: true);
        var maxUnavailable = recreate ? 0 : Resolve(JsonRead.Node(deployment, "spec", "strategy", "rollingUpdate", "maxUnavailable") ?? "25%", replicas, roundUp: false);
        if (maxSurge == 0 && maxUnavailable == 0 && !recreate)
        {
            maxUnavailable = 1;
        }

        var scaledFor = new ScaledFor(replicas, replicas + maxSurge);

        if (JsonRead.Bool(deployment, "spec", "paused") != true)
        {
            if (newRs is null)
            {
                var oldCount = oldRss.Sum(Count);
                var initial = recreate
                    ? (oldCount == 0 ? replicas : 0)
                    : (oldRss.Count == 0 ? replicas : Math.Clamp(replicas + maxSurge - oldCount, 0, replicas));
                // The status follows once the ReplicaSet controller has reported on the new ReplicaSet (its events
                // bring this Deployment back); written now it would only say "0 replicas", superseded a step later.
                await CreateReplicaSetAsync(deployment, template ?? [], hash, initial, DeploymentRevisions.Next(oldRss), scaledFor, cancellationToken);
                return ReconcileResult.Done;
            }

            if (await SyncNewReplicaSetAsync(deployment, newRs, oldRss, cancellationToken))
            {
                return ReconcileResult.Done;
            }

            if (await RolloutStepAsync(newRs, oldRss, replicas, maxSurge, maxUnavailable, recreate, scaledFor, cancellationToken))
            {
                return ReconcileResult.Done;
            }

            await CleanupAsync(deployment, oldRss, cancellationToken);
        }

        if (newRs is null || !ObservedGenerations.AllReported(owned))
        {
            return ReconcileResult.Done;
        }

        await UpdateStatusAsync(deployment, newRs, oldRss, replicas, maxUnavailable, cancellationToken);
        return ReconcileResult.Done;
    }

    private string CurrentTemplateHash(string uid, long? generation, JsonObject? template)
    {
        if (generation is { } current && _templateHashes.TryGetValue(uid, out var cached) && cached.Generation == current)
        {
            return cached.Hash;
        }

        var hash = TemplateHash(template);
        if (generation is { } known)
        {
            _templateHashes[uid] = (known, hash);
        }

        return hash;
    }

    private static int Spec(JsonObject rs) => (int)(JsonRead.Long(rs, "spec", "replicas") ?? 0);

    // Pods an RS may still have: its spec, or more while surplus pods are not yet observed gone. Counting the larger
    // keeps the surge bound on pods, not only on specs.
    private static int Count(JsonObject rs) => Math.Max(Spec(rs), (int)(JsonRead.Long(rs, "status", "replicas") ?? 0));

    private static int Available(JsonObject rs) => (int)(JsonRead.Long(rs, "status", "availableReplicas") ?? 0);

    /// <summary>Takes one rollout step; true when it wrote something (the resulting events bring the next step).</summary>
    private async Task<bool> RolloutStepAsync(JsonObject newRs, List<JsonObject> oldRss, int replicas, int maxSurge, int maxUnavailable, bool recreate, ScaledFor scaledFor, CancellationToken cancellationToken)
    {
        if (recreate)
        {
            var scaledDown = false;
            foreach (var old in oldRss.Where(rs => Spec(rs) > 0))
            {
                await ScaleAsync(old, 0, scaledFor, cancellationToken);
                scaledDown = true;
            }

            if (scaledDown || oldRss.Any(rs => Count(rs) > 0))
            {
                return scaledDown;
            }

            return Spec(newRs) != replicas && await ScaleAsync(newRs, replicas, scaledFor, cancellationToken);
        }

        // Scale the new ReplicaSet up (within the surge) or down to the desired count.
        var newSpec = Spec(newRs);
        if (newSpec > replicas)
        {
            return await ScaleAsync(newRs, replicas, scaledFor, cancellationToken);
        }

        if (newSpec < replicas)
        {
            var current = Count(newRs) + oldRss.Sum(Count);
            var room = replicas + maxSurge - current;
            if (room > 0)
            {
                return await ScaleAsync(newRs, newSpec + Math.Min(room, replicas - newSpec), scaledFor, cancellationToken);
            }
        }

        // Scale old ReplicaSets down while keeping replicas - maxUnavailable available.
        if (oldRss.Sum(Spec) == 0)
        {
            return false;
        }

        var minAvailable = replicas - maxUnavailable;
        var allPods = Spec(newRs) + oldRss.Sum(Spec);
        var newUnavailable = Math.Max(0, Spec(newRs) - Available(newRs));
        var maxScaledDown = allPods - minAvailable - newUnavailable;
        if (maxScaledDown <= 0)
        {
            return false;
        }

        var wrote = false;

        // Unhealthy old replicas go first: they do not count toward availability anyway.
        foreach (var old in oldRss)
        {
            var unhealthy = Math.Max(0, Spec(old) - Available(old));
            var down = Math.Min(unhealthy, maxScaledDown);
            if (down > 0)
            {
                wrote |= await ScaleAsync(old, Spec(old) - down, scaledFor, cancellationToken);
                maxScaledDown -= down;
            }
        }

        if (wrote)
        {
            return true;
        }

        var available = Available(newRs) + oldRss.Sum(Available);
        var budget = available - minAvailable;
        foreach (var old in oldRss)
        {
            if (budget <= 0)
            {
                break;
            }

            var down = Math.Min(Spec(old), budget);
            if (down > 0)
            {
                wrote |= await ScaleAsync(old, Spec(old) - down, scaledFor, cancellationToken);
                budget -= down;
            }
        }

        return wrote;
    }

    // Upstream's scaleReplicaSet: every scale also records the replica counts it was made for.
    private async Task<bool> ScaleAsync(JsonObject rs, int replicas, ScaledFor scaledFor, CancellationToken cancellationToken)
    {
        var updated = ObjectCloner.DeepClone(rs);
        ((JsonObject)updated["spec"]!)["replicas"] = replicas;
        DeploymentRevisions.SetReplicasAnnotations(Annotations(updated), scaledFor.Desired, scaledFor.Max);
        await _client.UpdateAsync(SimulatedResources.ReplicaSets, updated, cancellationToken: cancellationToken);
        return true;
    }

    /// <summary>
    /// Upstream's <c>getNewReplicaSet</c> for an existing new ReplicaSet: the Deployment's annotations and, after a
    /// rollback to its template, the next revision; minReadySeconds follows the Deployment. True when it wrote.
    /// </summary>
    private async Task<bool> SyncNewReplicaSetAsync(JsonObject deployment, JsonObject newRs, List<JsonObject> oldRss, CancellationToken cancellationToken)
    {
        // Nearly every reconcile finds nothing to change: the annotations are worked out on a copy of them alone, and
        // the whole ReplicaSet (template included) is copied only for a write.
        var annotations = JsonRead.Obj(newRs, "metadata", "annotations")?.DeepClone() as JsonObject ?? [];
        var annotationsChanged = DeploymentRevisions.SetNewReplicaSetAnnotations(deployment, annotations, DeploymentRevisions.Next(oldRss), exists: true, 0, 0);
        var minReadySeconds = JsonRead.Long(deployment, "spec", "minReadySeconds") ?? 0;
        var minReadySecondsChanged = (JsonRead.Long(newRs, "spec", "minReadySeconds") ?? 0) != minReadySeconds;
        if (!annotationsChanged && !minReadySecondsChanged)
        {
            return false;
        }

        var updated = ObjectCloner.DeepClone(newRs);
        ((JsonObject)updated["metadata"]!)["annotations"] = annotations;
        if (minReadySecondsChanged)
        {
            ((JsonObject)updated["spec"]!)["minReadySeconds"] = minReadySeconds;
        }

        await _client.UpdateAsync(SimulatedResources.ReplicaSets, updated, cancellationToken: cancellationToken);
        return true;
    }

    private static JsonObject Annotations(JsonObject obj)
    {
        var metadata = (JsonObject)obj["metadata"]!;
        if (metadata["annotations"] is not JsonObject annotations)
        {
            annotations = [];
            metadata["annotations"] = annotations;
        }

        return annotations;
    }

    private async Task<JsonObject> CreateReplicaSetAsync(JsonObject deployment, JsonObject template, string hash, int replicas, long revision, ScaledFor scaledFor, CancellationToken cancellationToken)
    {
        var name = $"{JsonRead.Str(deployment, "metadata", "name")}-{hash}";
        var ns = JsonRead.Str(deployment, "metadata", "namespace");
        var podTemplate = (JsonObject)template.DeepClone();
        var templateMetadata = (JsonObject)(podTemplate["metadata"] ??= new JsonObject());
        var templateLabels = (JsonObject)(templateMetadata["labels"] ??= new JsonObject());
        templateLabels[PodTemplateHashLabel] = hash;
        var selector = JsonRead.Obj(deployment, "spec", "selector")?.DeepClone() as JsonObject ?? [];
        var matchLabels = (JsonObject)(selector["matchLabels"] ??= new JsonObject());
        matchLabels[PodTemplateHashLabel] = hash;
        var annotations = new JsonObject();
        DeploymentRevisions.SetNewReplicaSetAnnotations(deployment, annotations, revision, exists: false, scaledFor.Desired, scaledFor.Max);
        var rs = new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "ReplicaSet",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = ns,
                ["labels"] = templateLabels.DeepClone(),
                ["annotations"] = annotations,
                ["ownerReferences"] = new JsonArray(new JsonObject
                {
                    ["apiVersion"] = "apps/v1",
                    ["kind"] = "Deployment",
                    ["name"] = JsonRead.Str(deployment, "metadata", "name"),
                    ["uid"] = JsonRead.Str(deployment, "metadata", "uid"),
                    ["controller"] = true,
                    ["blockOwnerDeletion"] = true,
                }),
            },
            ["spec"] = new JsonObject
            {
                ["replicas"] = replicas,
                ["minReadySeconds"] = JsonRead.Long(deployment, "spec", "minReadySeconds") ?? 0,
                ["selector"] = selector,
                ["template"] = podTemplate,
            },
        };
        try
        {
            return await _client.CreateAsync(SimulatedResources.ReplicaSets, rs, cancellationToken: cancellationToken);
        }
        catch (ApiException ex) when (ex.IsAlreadyExists())
        {
            return await _client.GetAsync(SimulatedResources.ReplicaSets, ns, name, cancellationToken);
        }
    }

    private async Task CleanupAsync(JsonObject deployment, List<JsonObject> oldRss, CancellationToken cancellationToken)
    {
        var limit = (int)(JsonRead.Long(deployment, "spec", "revisionHistoryLimit") ?? 10);
        var idle = oldRss.Where(rs => Spec(rs) == 0 && Count(rs) == 0).ToList();
        foreach (var rs in idle.Take(Math.Max(0, idle.Count - limit)))
        {
            try
            {
                await _client.DeleteAsync(SimulatedResources.ReplicaSets, JsonRead.Str(rs, "metadata", "namespace"), JsonRead.Str(rs, "metadata", "name")!, cancellationToken: cancellationToken);
            }
            catch (ApiException ex) when (ex.IsNotFound())
            {
            }
        }
    }

    private async Task UpdateStatusAsync(JsonObject deployment, JsonObject newRs, List<JsonObject> oldRss, int replicas, int maxUnavailable, CancellationToken cancellationToken)
    {
        var all = oldRss.Append(newRs).ToList();
        var statusReplicas = all.Sum(rs => (int)(JsonRead.Long(rs, "status", "replicas") ?? 0));
        var updated = (int)(JsonRead.Long(newRs, "status", "replicas") ?? 0);
        var ready = all.Sum(rs => (int)(JsonRead.Long(rs, "status", "readyReplicas") ?? 0));
        var available = all.Sum(Available);
        var now = _timeProvider.GetUtcNow();
        var status = JsonRead.Obj(deployment, "status")?.DeepClone() as JsonObject ?? [];
        status["observedGeneration"] = JsonRead.Long(deployment, "metadata", "generation") ?? 1;
        status["replicas"] = statusReplicas;
        status["updatedReplicas"] = updated;
        status["readyReplicas"] = ready;
        status["availableReplicas"] = available;
        status["unavailableReplicas"] = Math.Max(0, statusReplicas - available);
        var rsName = JsonRead.Str(newRs, "metadata", "name");
        if (available >= replicas - maxUnavailable)
        {
            Conditions.Set(status, "Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability.", now, withUpdateTime: true);
        }
        else
        {
            Conditions.Set(status, "Available", "False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability.", now, withUpdateTime: true);
        }

        var complete = updated == replicas && available == replicas && statusReplicas == replicas && Spec(newRs) == replicas;
        if (complete)
        {
            Conditions.Set(status, "Progressing", "True", "NewReplicaSetAvailable", $"ReplicaSet \"{rsName}\" has successfully progressed.", now, withUpdateTime: true);
        }
        else
        {
            Conditions.Set(status, "Progressing", "True", "ReplicaSetUpdated", $"ReplicaSet \"{rsName}\" is progressing.", now, withUpdateTime: true);
        }

        // Upstream's SetDeploymentRevision: the Deployment's revision is its newest ReplicaSet's, recorded by the
        // status write (the Deployment status strategy keeps annotation changes).
        var revision = JsonRead.Str(newRs, "metadata", "annotations", DeploymentRevisions.RevisionAnnotation);
        var revisionChanged = revision is not null && JsonRead.Str(deployment, "metadata", "annotations", DeploymentRevisions.RevisionAnnotation) != revision;
        if (!revisionChanged && !StatusComparer.Differs(status, JsonRead.Obj(deployment, "status")))
        {
            return;
        }

        var copy = StatusBody.For(deployment, status);
        if (revisionChanged)
        {
            Annotations(copy)[DeploymentRevisions.RevisionAnnotation] = revision;
        }

        try
        {
            _statusWrites.Record(JsonObjectMeta.Accessor.GetKey(deployment), await _client.UpdateStatusAsync(SimulatedResources.Deployments, copy, cancellationToken: cancellationToken));
        }
        catch (ApiException ex) when (ex.IsNotFound())
        {
        }
    }

    /// <summary>The Deployment's replicas and replicas + maxSurge, recorded on every ReplicaSet it scales.</summary>
    private readonly record struct ScaledFor(int Desired, int Max);
}
