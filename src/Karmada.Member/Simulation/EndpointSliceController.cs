using System.Text.Json.Nodes;
using Karmada.Client;
using Karmada.Client.Controllers;
using Karmada.Client.Informers;
using Karmada.Client.Queues;

namespace Karmada.Member.Simulation;

/// <summary>
/// kube-controller-manager's endpointslice controller: keeps the managed EndpointSlices of every Service with a
/// selector equal to <see cref="ServiceEndpointSlices.Desired"/> (creating, updating and deleting slices), with each
/// endpoint's zone from its node. Slices of other managers are left alone.
/// </summary>
internal sealed class EndpointSliceController : IReconciler<ObjectKey>
{
    public const string Name = "endpointslice-controller";
    private const string ServiceIndex = "service-name";

    private readonly KubeApiClient _client;
    private readonly SharedInformer<JsonObject> _services;
    private readonly SharedInformer<JsonObject> _pods;
    private readonly SharedInformer<JsonObject> _slices;
    private readonly SharedInformer<JsonObject> _nodes;

    public EndpointSliceController(KubeApiClient client, SharedInformer<JsonObject> services, SharedInformer<JsonObject> pods, SharedInformer<JsonObject> slices, SharedInformer<JsonObject> nodes)
    {
        _client = client;
        _services = services;
        _pods = pods;
        _slices = slices;
        _nodes = nodes;
        if (!_slices.Indexer.HasIndex(ServiceIndex))
        {
            _slices.Indexer.AddIndex(ServiceIndex, JsonIndexers.ByLabel(ServiceEndpointSlices.ServiceNameLabel));
        }
    }

    public void Register(WorkQueue<ObjectKey> queue)
    {
        ServiceEvents.Register(queue, _services, _pods);
        void Owner(JsonObject slice)
        {
            if (JsonRead.Str(slice, "metadata", "labels", ServiceEndpointSlices.ServiceNameLabel) is { } service)
            {
                queue.Add(new ObjectKey(JsonRead.Str(slice, "metadata", "namespace"), service));
            }
        }

        _slices.AddEventHandler(onAdd: Owner, onUpdate: (_, s) => Owner(s), onDelete: Owner);
    }

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var service = _services.Indexer.Get(key);
        var existing = _slices.Indexer.ByIndex(ServiceIndex, key.Name)
            .Where(s => JsonRead.Str(s, "metadata", "namespace") == key.Namespace
                && JsonRead.Str(s, "metadata", "labels", ServiceEndpointSlices.ManagedByLabel) == ServiceEndpointSlices.ManagedBy)
            .ToDictionary(s => JsonRead.Str(s, "metadata", "name") ?? "", StringComparer.Ordinal);
        var desired = service is not null && ServiceEndpoints.HasSelector(service)
            ? ServiceEndpointSlices.Desired(service, ServiceEndpoints.Groups(service, _pods.Indexer.ByIndex(JsonIndexers.NamespaceIndex, key.Namespace ?? "")), ZoneOf)
            : [];
        try
        {
            foreach (var slice in desired)
            {
                var name = JsonRead.Str(slice, "metadata", "name") ?? "";
                if (!existing.Remove(name, out var current))
                {
                    await _client.CreateAsync(SimulatedResources.EndpointSlices, slice, cancellationToken: cancellationToken);
                }
                else if (!ServiceEvents.SameContent(slice["endpoints"], current["endpoints"])
                    || !ServiceEvents.SameContent(slice["ports"], current["ports"])
                    || !ServiceEvents.SameContent(JsonRead.Obj(slice, "metadata", "labels"), JsonRead.Obj(current, "metadata", "labels")))
                {
                    var updated = ObjectCloner.DeepClone(current);
                    updated["endpoints"] = slice["endpoints"]!.DeepClone();
                    updated["ports"] = slice["ports"]!.DeepClone();
                    ((JsonObject)updated["metadata"]!)["labels"] = JsonRead.Obj(slice, "metadata", "labels")!.DeepClone();
                    await _client.UpdateAsync(SimulatedResources.EndpointSlices, updated, cancellationToken: cancellationToken);
                }
            }

            foreach (var stale in existing.Keys)
            {
                await _client.DeleteAsync(SimulatedResources.EndpointSlices, key.Namespace, stale, cancellationToken: cancellationToken);
            }
        }
        catch (ApiException ex) when (ex.IsNotFound() || ex.IsAlreadyExists())
        {
            // The cache is behind; the event that brings it up to date requeues the service.
        }

        return ReconcileResult.Done;
    }

    private string? ZoneOf(string node) => JsonRead.Str(_nodes.Indexer.Get(node), "metadata", "labels", "topology.kubernetes.io/zone");
}
