using Karmada.Api;
using Karmada.Api.WellKnown;
using Karmada.Client;
using Karmada.Client.Controllers;
using Karmada.Client.Informers;
using WorkV1Alpha2 = Karmada.Api.Work.V1Alpha2;

namespace Karmada.Controllers.Binding;

/// <summary>
/// The ResourceBinding half of the <c>binding</c> controller: keeps one Work per target cluster in step with the
/// binding and its resource template; on deletion removes the Works, then its <c>karmada.io/binding-controller</c>
/// finalizer (added here when the binding's creator did not).
/// </summary>
public sealed class ResourceBindingController : IReconciler<ObjectKey>
{
    /// <summary>The controller's name in <c>--controllers</c> (upstream starts both binding controllers under it).</summary>
    public const string Name = "binding";

    private readonly KubeApiClient _client;
    private readonly SharedInformer<WorkV1Alpha2.ResourceBinding> _bindings;
    private readonly BindingWorkSynchronizer _synchronizer;

    public ResourceBindingController(KubeApiClient client, SharedInformer<WorkV1Alpha2.ResourceBinding> bindings, BindingWorkSynchronizer synchronizer)
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
            if (cached.Metadata.Finalizers.Contains(WellKnownFinalizers.BindingController))
            {
                var finalized = cached.DeepClone();
                finalized.Metadata.Finalizers.Remove(WellKnownFinalizers.BindingController);
                await UpdateAsync(finalized, cancellationToken);
            }

            return ReconcileResult.Done;
        }

        if (!cached.Metadata.Finalizers.Contains(WellKnownFinalizers.BindingController))
        {
            var withFinalizer = cached.DeepClone();
            withFinalizer.Metadata.Finalizers.Add(WellKnownFinalizers.BindingController);
            await UpdateAsync(withFinalizer, cancellationToken);
        }

        return await _synchronizer.SyncAsync(view, cancellationToken);
    }

    // Optimistic concurrency on the cached resourceVersion: a conflict requeues with the fresh binding.
    private async Task UpdateAsync(WorkV1Alpha2.ResourceBinding binding, CancellationToken cancellationToken) =>
        await _client.UpdateAsync(BindingResources.ResourceBindings, binding.Metadata.Namespace, binding.Metadata.Name!, binding, BindingResources.ResourceBindingType, cancellationToken: cancellationToken);
}
