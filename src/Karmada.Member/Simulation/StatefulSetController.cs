using System.Globalization;
using System.Text.Json.Nodes;
using Karmada.Client;
using Karmada.Client.Controllers;
using Karmada.Client.Informers;
using Karmada.Client.Queues;

namespace Karmada.Member.Simulation;

/// <summary>
/// kube-controller-manager's StatefulSet controller: ordinal pods <c>NAME-0..N-1</c> (stable names, so a create of an
/// existing ordinal fails harmlessly and no expectations are needed) driven by <see cref="StatefulSetPlan"/>,
/// ControllerRevisions per template, and the status kubectl and Karmada read.
/// </summary>
internal sealed class StatefulSetController : IReconciler<ObjectKey>
{
    public const string Name = "statefulset-controller";
    public const string PodNameLabel = "statefulset.kubernetes.io/pod-name";
    public const string PodIndexLabel = "apps.kubernetes.io/pod-index";
    private const string Kind = "StatefulSet";

    private readonly KubeApiClient _client;
    private readonly SharedInformer<JsonObject> _sets;
    private readonly SharedInformer<JsonObject> _pods;
    private readonly SharedInformer<JsonObject> _revisionInformer;
    private readonly ControllerRevisions _revisions;

    public StatefulSetController(KubeApiClient client, SharedInformer<JsonObject> sets, SharedInformer<JsonObject> pods, SharedInformer<JsonObject> revisions)
    {
        _client = client;
        _sets = sets;
        _pods = pods;
        _revisionInformer = revisions;
        _revisions = new ControllerRevisions(client, revisions);
    }

    public void Register(WorkQueue<ObjectKey> queue)
    {
        _sets.AddEventHandler(
            onAdd: set => queue.Add(JsonObjectMeta.Accessor.GetKey(set)),
            onUpdate: (_, set) => queue.Add(JsonObjectMeta.Accessor.GetKey(set)));
        void Owner(JsonObject obj)
        {
            if (JsonRead.ControllerName(obj, Kind) is { } name)
            {
                queue.Add(new ObjectKey(JsonRead.Str(obj, "metadata", "namespace"), name));
            }
        }

        _pods.AddEventHandler(onAdd: Owner, onUpdate: (_, pod) => Owner(pod), onDelete: Owner);
        _revisionInformer.AddEventHandler(onAdd: Owner, onDelete: Owner);
    }

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var set = _sets.Indexer.Get(key);
        if (set is null || JsonRead.Node(set, "metadata", "deletionTimestamp") is not null)
        {
            return ReconcileResult.Done;
        }

        var uid = JsonRead.Str(set, "metadata", "uid") ?? "";
        var owned = _revisions.Owned(set, Kind);
        var updateRevision = await _revisions.EnsureAsync(set, Kind, "apps/v1", owned, cancellationToken);
        var currentRevision = JsonRead.Str(set, "status", "currentRevision") is { } recorded && owned.Any(r => JsonRead.Str(r, "metadata", "name") == recorded)
            ? recorded : updateRevision;
        var pods = new Dictionary<int, JsonObject>();
        foreach (var pod in _pods.Indexer.ByIndex(JsonIndexers.OwnerUidIndex, uid).Where(p => JsonRead.ControllerUid(p, Kind) == uid))
        {
            if (StatefulSetPlan.Ordinal(key.Name, JsonRead.Str(pod, "metadata", "name")) is { } ordinal)
            {
                pods[ordinal] = pod;
            }
        }

        foreach (var action in StatefulSetPlan.Decide(StatefulSetShape.Of(set), pods, currentRevision, updateRevision))
        {
            if (action.Delete is { } doomed)
            {
                await DeletePodAsync(doomed, cancellationToken);
            }
            else if (action.CreateRevision is { } revision)
            {
                var template = revision == updateRevision ? JsonRead.Obj(set, "spec", "template") : ControllerRevisions.Template(owned, revision);
                if (template is null)
                {
                    // The revision is not in the cache yet; its add event requeues the set.
                    continue;
                }

                await CreatePodAsync(set, action.Ordinal, revision, template, cancellationToken);
            }
        }

        var status = StatefulSetPlan.Status(set, pods.Values, currentRevision, updateRevision);
        if (StatusComparer.Differs(status, JsonRead.Obj(set, "status")))
        {
            var updated = ObjectCloner.DeepClone(set);
            updated["status"] = status;
            try
            {
                await _client.UpdateStatusAsync(SimulatedResources.StatefulSets, updated, cancellationToken: cancellationToken);
            }
            catch (ApiException ex) when (ex.IsNotFound())
            {
            }
        }

        var inUse = pods.Values.Select(StatefulSetPlan.Revision).OfType<string>().Append(currentRevision).Append(updateRevision).ToHashSet(StringComparer.Ordinal);
        await _revisions.PruneAsync(set, owned, inUse, cancellationToken);
        return ReconcileResult.Done;
    }

    /// <summary>The pod of one ordinal: stable name and hostname, the governing service's subdomain, revision labels.</summary>
    public static JsonObject NewPod(JsonObject set, int ordinal, string revision, JsonObject template)
    {
        var name = $"{JsonRead.Str(set, "metadata", "name")}-{ordinal.ToString(CultureInfo.InvariantCulture)}";
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ControllerRevisions.HashLabel] = revision,
            [PodNameLabel] = name,
            [PodIndexLabel] = ordinal.ToString(CultureInfo.InvariantCulture),
        };
        var pod = PodControl.NewPod(set, Kind, "apps/v1", template, labels);
        var metadata = (JsonObject)pod["metadata"]!;
        metadata.Remove("generateName");
        metadata["name"] = name;
        var spec = (JsonObject)pod["spec"]!;
        spec["hostname"] = name;
        if (JsonRead.Str(set, "spec", "serviceName") is { Length: > 0 } service)
        {
            spec["subdomain"] = service;
        }

        return pod;
    }

    private async Task CreatePodAsync(JsonObject set, int ordinal, string revision, JsonObject template, CancellationToken cancellationToken)
    {
        try
        {
            await _client.CreateAsync(SimulatedResources.Pods, NewPod(set, ordinal, revision, template), cancellationToken: cancellationToken);
        }
        catch (ApiException ex) when (ex.IsAlreadyExists())
        {
        }
    }

    private async Task DeletePodAsync(JsonObject pod, CancellationToken cancellationToken)
    {
        try
        {
            // The uid precondition keeps a stale cache from deleting a pod that was already recreated.
            var options = new DeleteOptions { Preconditions = new DeletePreconditions { Uid = JsonRead.Str(pod, "metadata", "uid") } };
            await _client.DeleteAsync(SimulatedResources.Pods, JsonRead.Str(pod, "metadata", "namespace"), JsonRead.Str(pod, "metadata", "name")!, options, cancellationToken);
        }
        catch (ApiException ex) when (ex.IsNotFound() || ex.IsConflict())
        {
        }
    }
}
