using Karmada.Api;
using Karmada.Api.WellKnown;
using Karmada.Client;
using Karmada.Client.Controllers;
using Karmada.Client.Informers;
using WorkV1Alpha2 = Karmada.Api.Work.V1Alpha2;

namespace Karmada.Controllers.Binding;

/// <summary>
/// The ClusterResourceBinding half of the <c>binding</c> controller: keeps one Work per target cluster in step with the
/// binding and its resource template; on deletion removes the Works, then its <c>karmada.io/cluster-resource-binding-controller</c>
/// finalizer (added here when the binding's creator did not).
/// </summary>
public sealed class ClusterResourceBindingController : IReconciler<ObjectKey>
{
    /// <summary>The queue's name (upstream <c>cluster-resource-binding-controller</c>); it runs under <c>binding</c> in <c>--controllers</c>.</summary>
    public const string Name = "cluster-resource-binding";

    private readonly KubeApiClient _client;
    private readonly SharedInformer<WorkV1Alpha2.ClusterResourceBinding> _bindings;
    private readonly BindingWorkSynchronizer _synchronizer;

    public ClusterResourceBindingController(KubeApiClient client, SharedInformer<WorkV1Alpha2.ClusterResourceBinding> bindings, BindingWorkSynchronizer synchronizer)
    {
        _client = client;
        _bindings = bindings;
        _synchronizer = synchronizer;
    }

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var cached = _bindings.Indexer.Get(key);
        if (cached is null)
        {
            return ReconcileResult.Done;
        }

        var view = BindingView.Of(cached);
        if (cached.Metadata.DeletionTimestamp is not null)
        {
            await _synchronizer.DeleteWorksAsync(view, cancellationToken);
            if (cached.Metadata.Finalizers.Contains(WellKnownFinalizers.ClusterResourceBindingController))
            {
                var finalized = cached.DeepClone();
                finalized.Metadata.Finalizers.Remove(WellKnownFinalizers.ClusterResourceBindingController);
                await UpdateAsync(finalized, cancellationToken);
            }

            return ReconcileResult.Done;
        }

        if (!cached.Metadata.Finalizers.Contains(WellKnownFinalizers.ClusterResourceBindingController))
        {
            var withFinalizer = cached.DeepClone();
            withFinalizer.Metadata.Finalizers.Add(WellKnownFinalizers.ClusterResourceBindingController);
            await UpdateAsync(withFinalizer, cancellationToken);
        }

        return await _synchronizer.SyncAsync(view, cancellationToken);
    }

    // Optimistic concurrency on the cached resourceVersion: a conflict requeues with the fresh binding.
    private async Task UpdateAsync(WorkV1Alpha2.ClusterResourceBinding binding, CancellationToken cancellationToken) =>
        await _client.UpdateAsync(BindingResources.ClusterResourceBindings, null, binding.Metadata.Name!, binding, BindingResources.ClusterResourceBindingType, cancellationToken: cancellationToken);
}
