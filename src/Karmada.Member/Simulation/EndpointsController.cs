using System.Text.Json.Nodes;
using Karmada.Client;
using Karmada.Client.Controllers;
using Karmada.Client.Informers;
using Karmada.Client.Queues;

namespace Karmada.Member.Simulation;

/// <summary>
/// kube-controller-manager's endpoints controller: keeps the Endpoints object of every Service with a selector equal
/// to <see cref="ServiceEndpoints"/> (ready pods in <c>addresses</c>, others in <c>notReadyAddresses</c>) and deletes it
/// with its Service. Endpoints of selector-less Services belong to their users and are left alone.
/// </summary>
internal sealed class EndpointsController(
    KubeApiClient client,
    SharedInformer<JsonObject> services,
    SharedInformer<JsonObject> pods,
    SharedInformer<JsonObject> endpoints) : IReconciler<ObjectKey>
{
    public const string Name = "endpoints-controller";

    public void Register(WorkQueue<ObjectKey> queue)
    {
        ServiceEvents.Register(queue, services, pods);
        endpoints.AddEventHandler(
            onAdd: e => queue.Add(JsonObjectMeta.Accessor.GetKey(e)),
            onUpdate: (_, e) => queue.Add(JsonObjectMeta.Accessor.GetKey(e)),
            onDelete: e => queue.Add(JsonObjectMeta.Accessor.GetKey(e)));
    }

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var service = services.Indexer.Get(key);
        var existing = endpoints.Indexer.Get(key);
        try
        {
            if (service is null)
            {
                if (existing is not null)
                {
                    await client.DeleteAsync(SimulatedResources.Endpoints, key.Namespace, key.Name, cancellationToken: cancellationToken);
                }

                return ReconcileResult.Done;
            }

            if (!ServiceEndpoints.HasSelector(service))
            {
                return ReconcileResult.Done;
            }

            var candidates = pods.Indexer.ByIndex(JsonIndexers.NamespaceIndex, key.Namespace ?? "");
            var desired = ServiceEndpoints.Endpoints(service, ServiceEndpoints.Groups(service, candidates));
            if (existing is null)
            {
                await client.CreateAsync(SimulatedResources.Endpoints, desired, cancellationToken: cancellationToken);
            }
            else if (!ServiceEvents.SameContent(desired["subsets"], existing["subsets"])
                || !ServiceEvents.SameContent(JsonRead.Obj(desired, "metadata", "labels"), JsonRead.Obj(existing, "metadata", "labels")))
            {
                var updated = ObjectCloner.DeepClone(existing);
                updated["subsets"] = desired["subsets"]?.DeepClone();
                ((JsonObject)updated["metadata"]!)["labels"] = JsonRead.Obj(desired, "metadata", "labels")!.DeepClone();
                await client.UpdateAsync(SimulatedResources.Endpoints, updated, cancellationToken: cancellationToken);
            }
        }
        catch (ApiException ex) when (ex.IsNotFound() || ex.IsAlreadyExists())
        {
            // The cache is behind; the event that brings it up to date requeues the service.
        }

        return ReconcileResult.Done;
    }
}
