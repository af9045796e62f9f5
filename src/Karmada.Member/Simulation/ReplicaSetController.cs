using System.Text.Json.Nodes;
using Karmada.Client;
using Karmada.Client.Controllers;
using Karmada.Client.Informers;
using Karmada.Client.Queues;

namespace Karmada.Member.Simulation;

/// <summary>
/// kube-controller-manager's ReplicaSet controller: keeps <c>spec.replicas</c> active pods per ReplicaSet (owned
/// through a controller reference), deleting surplus pods in the scheduler-friendly order, and writes
/// <c>status.replicas/fullyLabeledReplicas/readyReplicas/availableReplicas/observedGeneration</c>.
/// </summary>
internal sealed class ReplicaSetController : IReconciler<ObjectKey>
{
    public const string Name = "replicaset-controller";

    private readonly KubeApiClient _client;
    private readonly SharedInformer<JsonObject> _replicaSets;
    private readonly SharedInformer<JsonObject> _pods;
    private readonly ControllerExpectations _expectations;
    private readonly PodControl _podControl;
    private readonly MutationCache _statusWrites = new();

    public ReplicaSetController(KubeApiClient client, SharedInformer<JsonObject> replicaSets, SharedInformer<JsonObject> pods, TimeProvider timeProvider)
    {
        _client = client;
        _replicaSets = replicaSets;
        _pods = pods;
        _expectations = new ControllerExpectations(timeProvider);
        _podControl = new PodControl(client, _expectations);
    }

    public void Register(WorkQueue<ObjectKey> queue)
    {
        _replicaSets.AddEventHandler(
            onAdd: rs => queue.Add(JsonObjectMeta.Accessor.GetKey(rs)),
            onUpdate: (_, rs) => queue.Add(JsonObjectMeta.Accessor.GetKey(rs)),
            onDelete: rs =>
            {
                _expectations.Forget(JsonObjectMeta.Accessor.GetKey(rs).ToString());
                _statusWrites.Forget(JsonObjectMeta.Accessor.GetKey(rs));
            });
        _pods.AddEventHandler(
            onAdd: pod => Owner(pod, queue, key => _expectations.CreationObserved(key)),
            onUpdate: (old, pod) => Owner(pod, queue, JsonRead.StartedTerminating(old, pod) ? key => _expectations.DeletionObserved(key) : null),
            onDelete: pod => Owner(pod, queue, key => _expectations.DeletionObserved(key)));
    }

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var rs = _statusWrites.Freshest(key, _replicaSets.Indexer.Get(key));
        if (rs is null || JsonRead.Node(rs, "metadata", "deletionTimestamp") is not null)
        {
            return ReconcileResult.Done;
        }

        var uid = JsonRead.Str(rs, "metadata", "uid") ?? "";
        var pods = _pods.Indexer.ByIndex(JsonIndexers.OwnerUidIndex, uid)
            .Where(p => JsonRead.ControllerUid(p, "ReplicaSet") == uid && JsonRead.IsPodActive(p))
            .ToList();
        var want = (int)(JsonRead.Long(rs, "spec", "replicas") ?? 1);
        var keyText = key.ToString();
        if (_expectations.Satisfied(keyText))
        {
            var diff = pods.Count - want;
            if (diff < 0)
            {
                var template = JsonRead.Obj(rs, "spec", "template") ?? [];
                await _podControl.CreateAsync(keyText, () => PodControl.NewPod(rs, "ReplicaSet", "apps/v1", template, new Dictionary<string, string>()), -diff, cancellationToken);
            }
            else if (diff > 0)
            {
                await _podControl.DeleteAsync(keyText, PodControl.DeletionOrder(pods).Take(diff).ToList(), cancellationToken);
            }
        }

        var ready = pods.Count(JsonRead.IsPodReady);
        var status = new JsonObject
        {
            ["replicas"] = pods.Count,
            ["fullyLabeledReplicas"] = pods.Count,
            ["readyReplicas"] = ready,
            ["availableReplicas"] = ready,
            ["observedGeneration"] = JsonRead.Long(rs, "metadata", "generation") ?? 1,
        };
        if (JsonRead.Obj(rs, "status", "conditions") is { } conditions)
        {
            status["conditions"] = conditions.DeepClone();
        }

        if (StatusComparer.Differs(status, JsonRead.Obj(rs, "status")))
        {
            var updated = ObjectCloner.DeepClone(rs);
            updated["status"] = status;
            try
            {
                _statusWrites.Written(key, await _client.UpdateStatusAsync(SimulatedResources.ReplicaSets, updated, cancellationToken: cancellationToken));
            }
            catch (ApiException ex) when (ex.IsNotFound())
            {
            }
        }

        return ReconcileResult.Done;
    }

    private static void Owner(JsonObject pod, WorkQueue<ObjectKey> queue, Action<string>? observed)
    {
        if (JsonRead.ControllerName(pod, "ReplicaSet") is { } name)
        {
            var key = new ObjectKey(JsonRead.Str(pod, "metadata", "namespace"), name);
            observed?.Invoke(key.ToString());
            queue.Add(key);
        }
    }
}
