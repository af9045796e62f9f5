using Karmada.Api;
using Karmada.Client;
using Karmada.Client.Controllers;
using Karmada.Client.Informers;
using Karmada.Controllers.Runtime;
using Microsoft.Extensions.Logging;
using WorkV1Alpha1 = Karmada.Api.Work.V1Alpha1;

namespace Karmada.Controllers.BindingStatus;

/// <summary>
/// The binding status controller of one binding kind (upstream <c>RBStatusController</c> /
/// <c>CRBStatusController</c>): collects the binding's Works into <c>status.aggregatedStatus</c> and the
/// <c>FullyApplied</c> condition, writing the status subresource only when it changed, then folds the aggregated
/// status into the resource template's <c>.status</c>. A binding's Works change one after another (each applied, then
/// each member's rollout reported step by step), so syncs are debounced by <see cref="StatusWritePacing"/>: the
/// changes within one interval are folded into one write at its end.
/// </summary>
public sealed partial class BindingStatusController<TBinding> : IReconciler<ObjectKey> where TBinding : class
{
    private readonly BindingKind<TBinding> _kind;
    private readonly KubeApiClient _client;
    private readonly SharedInformer<TBinding> _bindings;
    private readonly SharedInformer<WorkV1Alpha1.Work> _works;
    private readonly TemplateStatusUpdater _templates;
    private readonly TimeProvider _timeProvider;
    private readonly StatusWritePacing _pacing;
    private readonly ILogger _logger;

    public BindingStatusController(
        BindingKind<TBinding> kind,
        KubeApiClient client,
        SharedInformer<TBinding> bindings,
        SharedInformer<WorkV1Alpha1.Work> works,
        TemplateStatusUpdater templates,
        TimeProvider timeProvider,
        ILogger<BindingStatusController<TBinding>> logger,
        TimeSpan? statusSyncDelay = null)
    {
        ArgumentNullException.ThrowIfNull(works);
        _kind = kind;
        _client = client;
        _bindings = bindings;
        _works = works;
        _templates = templates;
        _timeProvider = timeProvider;
        _pacing = new StatusWritePacing(statusSyncDelay ?? StatusWritePacing.DefaultInterval, timeProvider);
        _logger = logger;
        WorkIndexes.EnsureLabelIndex(works.Indexer, kind.PermanentIdLabel);
    }

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var cached = _bindings.Indexer.Get(key);
        if (cached is null || _kind.Metadata(cached).DeletionTimestamp is not null)
        {
            _pacing.Forget(key);
            return ReconcileResult.Done;
        }

        if (_pacing.WaitBeforeSync(key) is { } wait)
        {
            return ReconcileResult.After(wait);
        }

        var spec = _kind.Spec(cached);
        var works = _kind.Metadata(cached).Labels.TryGetValue(_kind.PermanentIdLabel, out var id)
            ? WorkIndexes.ByLabel(_works.Indexer, _kind.PermanentIdLabel, id)
            : [];

        // Computed against the cached status without copying it; the binding is only copied when there is a write.
        var result = BindingStatusAggregation.Compute(_kind.Status(cached), spec, works, _timeProvider.GetUtcNow());
        if (result.Changed)
        {
            var binding = cached.DeepClone();
            var status = _kind.Status(binding);
            if (!ReferenceEquals(result.AggregatedStatus, _kind.Status(cached).AggregatedStatus))
            {
                // Unchanged items stay the copy's own rather than the cache's list.
                status.AggregatedStatus = result.AggregatedStatus;
            }

            status.Conditions = result.Conditions;
            _kind.SetStatus(binding, status);

            // Optimistic concurrency on the cached resourceVersion: a conflict requeues with the fresh binding.
            await _client.UpdateStatusAsync(_kind.Resource, key.Namespace, key.Name, binding, _kind.TypeInfo, cancellationToken: cancellationToken);
            LogBindingStatusUpdated(_logger, _kind.ControllerName, key.ToString(), result.AggregatedStatus.Count);
        }

        await _templates.UpdateAsync(spec.Resource, result.AggregatedStatus, cancellationToken);
        return ReconcileResult.Done;
    }

    // Event ids 4600-4649: binding status controllers. Next free id: 4602.
    [LoggerMessage(4601, LogLevel.Debug, "{Controller} updated status of {Key} from {Works} Works")]
    private static partial void LogBindingStatusUpdated(ILogger logger, string controller, string key, int works);
}
