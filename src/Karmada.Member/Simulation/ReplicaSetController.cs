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
    private readonly MutationCache<JsonObject> _statusWrites = new(JsonObjectMeta.GetResourceVersion, JsonObjectMeta.GetUid);

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
            onUpdate: (_, rs) =>
            {
                var key = JsonObjectMeta.Accessor.GetKey(rs);
                if (!_statusWrites.IsOwnWrite(key, rs))
                {
                    queue.Add(key);
                }
            },
            onDelete: rs =>
            {
                _expectations.Forget(JsonObjectMeta.Accessor.GetKey(rs).ToString());
                _statusWrites.Forget(JsonObjectMeta.Accessor.GetKey(rs));
            });
        _pods.AddEventHandler(
            onAdd: pod => Owner(pod, queue, key => _expectations.CreationObserved(key)),
            onUpdate: (old, pod) =>
            {
                if (JsonRead.StartedTerminating(old, pod))
                {
                    Owner(pod, queue, key => _expectations.DeletionObserved(key, PodControl.PodUid(pod)));
                }
                else if (PodChanges.AffectReplicaSet(old, pod))
                {
                    Owner(pod, queue, null);
                }
            },
            onDelete: pod => Owner(pod, queue, key => _expectations.DeletionObserved(key, PodControl.PodUid(pod))));
    }

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        // Gone from the informer is gone: a remembered status write does not bring it back.
        var rs = _replicaSets.Indexer.Get(key) is { } cached ? _statusWrites.Resolve(key, cached) : null;
        if (rs is null || JsonRead.Node(rs, "metadata", "deletionTimestamp") is not null)
        {
            return ReconcileResult.Done;
        }

        // Pods written by an earlier reconcile are not all in the informer yet: the status would count some of them
        // and be superseded as soon as the rest arrive, whose events bring this ReplicaSet back. Asked before the pods
        // are read, as upstream's syncReplicaSet: a pod event satisfying the expectations after the read would let a
        // list lacking that pod create its replacement.
        var keyText = key.ToString();
        if (!_expectations.Satisfied(keyText))
        {
            return ReconcileResult.Done;
        }

        var uid = JsonRead.Str(rs, "metadata", "uid") ?? "";
        var pods = ActivePods(uid);
        var want = (int)(JsonRead.Long(rs, "spec", "replicas") ?? 1);
        if (pods.Count != want)
        {
            var diff = pods.Count - want;
            try
            {
                if (diff < 0)
                {
                    var template = JsonRead.Obj(rs, "spec", "template") ?? [];
                    await _podControl.CreateAsync(keyText, () => PodControl.NewPod(rs, "ReplicaSet", "apps/v1", template, new Dictionary<string, string>()), -diff, cancellationToken);
                }
                else
                {
                    await _podControl.DeleteAsync(keyText, PodControl.DeletionOrder(pods).Take(diff).ToList(), cancellationToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // As upstream, the status is still brought up to date (observedGeneration included) before the retry,
                // so the Deployment above is not left waiting on it.
                await WriteStatusAsync(key, rs, pods, cancellationToken);
                throw;
            }

            // The pods written are counted once the informer has seen them all; their events bring this ReplicaSet
            // back, and a status written now would be superseded by that reconcile's.
            if (!_expectations.Satisfied(keyText))
            {
                return ReconcileResult.Done;
            }

            pods = ActivePods(uid);
        }

        await WriteStatusAsync(key, rs, pods, cancellationToken);
        return ReconcileResult.Done;
    }

    private List<JsonObject> ActivePods(string uid) =>
        [.. _pods.Indexer.ByIndex(JsonIndexers.OwnerUidIndex, uid).Where(p => JsonRead.ControllerUid(p, "ReplicaSet") == uid && JsonRead.IsPodActive(p))];

    private async Task WriteStatusAsync(ObjectKey key, JsonObject rs, List<JsonObject> pods, CancellationToken cancellationToken)
    {
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
            var updated = StatusBody.For(rs, status);
            try
            {
                _statusWrites.Record(key, await _client.UpdateStatusAsync(SimulatedResources.ReplicaSets, updated, cancellationToken: cancellationToken));
            }
            catch (ApiException ex) when (ex.IsNotFound())
            {
            }
        }
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
