using System.Globalization;
using System.Text.Json.Nodes;
using Karmada.Client;
using Karmada.Client.Controllers;
using Karmada.Client.Informers;
using Karmada.Client.Queues;

namespace Karmada.Member.Simulation;

/// <summary>
/// kube-controller-manager's DaemonSet controller: one pod per eligible node (<see cref="DaemonSetPlan"/>), bound to
/// its node directly (<c>spec.nodeName</c> plus the <c>metadata.name</c> node affinity upstream sets), rolling updates
/// within maxUnavailable, ControllerRevisions per template, and the status kubectl and Karmada read. Nodes coming and
/// going requeue every DaemonSet.
/// </summary>
internal sealed class DaemonSetController : IReconciler<ObjectKey>
{
    public const string Name = "daemonset-controller";
    private const string Kind = "DaemonSet";

    private readonly KubeApiClient _client;
    private readonly SharedInformer<JsonObject> _sets;
    private readonly SharedInformer<JsonObject> _pods;
    private readonly SharedInformer<JsonObject> _nodes;
    private readonly SharedInformer<JsonObject> _revisionInformer;
    private readonly ControllerRevisions _revisions;
    private readonly ControllerExpectations _expectations;
    private readonly PodControl _podControl;

    public DaemonSetController(KubeApiClient client, SharedInformer<JsonObject> sets, SharedInformer<JsonObject> pods, SharedInformer<JsonObject> nodes, SharedInformer<JsonObject> revisions, TimeProvider timeProvider)
    {
        _client = client;
        _sets = sets;
        _pods = pods;
        _nodes = nodes;
        _revisionInformer = revisions;
        _revisions = new ControllerRevisions(client, revisions);
        _expectations = new ControllerExpectations(timeProvider);
        _podControl = new PodControl(client, _expectations);
    }

    public void Register(WorkQueue<ObjectKey> queue)
    {
        _sets.AddEventHandler(
            onAdd: set => queue.Add(JsonObjectMeta.Accessor.GetKey(set)),
            onUpdate: (_, set) => queue.Add(JsonObjectMeta.Accessor.GetKey(set)),
            onDelete: set => _expectations.Forget(JsonObjectMeta.Accessor.GetKey(set).ToString()));
        void Owner(JsonObject obj, Action<string>? observed)
        {
            if (JsonRead.ControllerName(obj, Kind) is { } name)
            {
                var key = new ObjectKey(JsonRead.Str(obj, "metadata", "namespace"), name);
                observed?.Invoke(key.ToString());
                queue.Add(key);
            }
        }

        _pods.AddEventHandler(
            onAdd: pod => Owner(pod, _expectations.CreationObserved),
            onUpdate: (old, pod) => Owner(pod, JsonRead.StartedTerminating(old, pod) ? key => _expectations.DeletionObserved(key, PodControl.PodUid(pod)) : null),
            onDelete: pod => Owner(pod, key => _expectations.DeletionObserved(key, PodControl.PodUid(pod))));
        _revisionInformer.AddEventHandler(onAdd: r => Owner(r, null));
        void All()
        {
            foreach (var set in _sets.Indexer.List())
            {
                queue.Add(JsonObjectMeta.Accessor.GetKey(set));
            }
        }

        _nodes.AddEventHandler(
            onAdd: _ => All(),
            onUpdate: (old, node) =>
            {
                if (!JsonNode.DeepEquals(JsonRead.Node(old, "metadata", "labels"), JsonRead.Node(node, "metadata", "labels"))
                    || !JsonNode.DeepEquals(JsonRead.Node(old, "spec", "taints"), JsonRead.Node(node, "spec", "taints")))
                {
                    All();
                }
            },
            onDelete: _ => All());
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
        var revision = await _revisions.EnsureAsync(set, Kind, "apps/v1", owned, cancellationToken);
        var hash = ControllerRevisions.Hash(JsonRead.Obj(set, "spec", "template"));

        // Asked before the pods are read: a pod event satisfying the expectations after the read would let a list
        // lacking that pod create its replacement.
        var keyText = key.ToString();
        var needsSync = _expectations.Satisfied(keyText);
        var pods = _pods.Indexer.ByIndex(JsonIndexers.OwnerUidIndex, uid)
            .Where(p => JsonRead.ControllerUid(p, Kind) == uid && JsonRead.Node(p, "metadata", "deletionTimestamp") is null)
            .ToList();
        var templatePod = DaemonSetPlan.TemplatePod(set);
        var nodes = _nodes.Indexer.List();
        var existing = nodes.Select(n => JsonRead.Str(n, "metadata", "name") ?? "").ToHashSet(StringComparer.Ordinal);
        var eligible = nodes.Where(n => DaemonSetPlan.ShouldRun(templatePod, n)).Select(n => JsonRead.Str(n, "metadata", "name") ?? "").ToHashSet(StringComparer.Ordinal);
        if (needsSync)
        {
            var rolling = JsonRead.Str(set, "spec", "updateStrategy", "type") != "OnDelete";
            int? maxUnavailable = rolling
                ? Math.Max(1, DeploymentController.Resolve(JsonRead.Node(set, "spec", "updateStrategy", "rollingUpdate", "maxUnavailable") ?? 1, eligible.Count, roundUp: true))
                : null;
            var actions = DaemonSetPlan.Decide(eligible, existing, pods, hash, maxUnavailable);
            if (actions.Delete.Count > 0)
            {
                // Deletions first; the creations they make room for follow when their events arrive.
                await _podControl.DeleteAsync(keyText, actions.Delete, cancellationToken);
            }
            else if (actions.CreateOn.Count > 0)
            {
                var template = JsonRead.Obj(set, "spec", "template") ?? [];
                await _podControl.CreateAsync(keyText, [.. actions.CreateOn.Select(node => NewPod(set, template, hash, node))], cancellationToken);
            }
        }

        var status = DaemonSetPlan.Status(set, eligible, pods, hash);
        if (StatusComparer.Differs(status, JsonRead.Obj(set, "status")))
        {
            var updated = ObjectCloner.DeepClone(set);
            updated["status"] = status;
            try
            {
                await _client.UpdateStatusAsync(SimulatedResources.DaemonSets, updated, cancellationToken: cancellationToken);
            }
            catch (ApiException ex) when (ex.IsNotFound())
            {
            }
        }

        await _revisions.PruneAsync(set, owned, new HashSet<string>(StringComparer.Ordinal) { revision }, cancellationToken);
        return ReconcileResult.Done;
    }

    public static JsonObject NewPod(JsonObject set, JsonObject template, string hash, string node)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ControllerRevisions.HashLabel] = hash,
            [DaemonSetPlan.TemplateGenerationLabel] = (JsonRead.Long(set, "metadata", "generation") ?? 1).ToString(CultureInfo.InvariantCulture),
        };
        var pod = PodControl.NewPod(set, Kind, "apps/v1", template, labels);
        var spec = (JsonObject)pod["spec"]!;
        DaemonSetPlan.AddDaemonTolerations(spec);
        spec["nodeName"] = node;
        if (spec["affinity"] is not JsonObject affinity)
        {
            affinity = [];
            spec["affinity"] = affinity;
        }

        if (affinity["nodeAffinity"] is not JsonObject nodeAffinity)
        {
            nodeAffinity = [];
            affinity["nodeAffinity"] = nodeAffinity;
        }

        nodeAffinity["requiredDuringSchedulingIgnoredDuringExecution"] = new JsonObject
        {
            ["nodeSelectorTerms"] = new JsonArray(new JsonObject
            {
                ["matchFields"] = new JsonArray(new JsonObject
                {
                    ["key"] = "metadata.name",
                    ["operator"] = "In",
                    ["values"] = new JsonArray(node),
                }),
            }),
        };
        return pod;
    }
}
