using Karmada.Api;
using Karmada.Client;
using Karmada.Client.Controllers;
using Karmada.Client.Informers;
using Karmada.Controllers.BindingStatus;
using Microsoft.Extensions.Logging;

namespace Karmada.Controllers.Eviction;

/// <summary>
/// The graceful eviction controller for one binding kind (upstream <c>RBGracefulEvictionController</c> /
/// <c>CRBGracefulEvictionController</c>): stamps new eviction tasks and removes the ones that ended
/// (<see cref="GracefulEvictionAssessment"/>), which lets the binding controller delete the evicted copies; looks again
/// when a grace period may run out.
/// </summary>
public sealed partial class GracefulEvictionController<TBinding> : IReconciler<ObjectKey> where TBinding : class
{
    private readonly BindingKind<TBinding> _kind;
    private readonly KubeApiClient _client;
    private readonly SharedInformer<TBinding> _bindings;
    private readonly EvictionOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public GracefulEvictionController(
        BindingKind<TBinding> kind,
        KubeApiClient client,
        SharedInformer<TBinding> bindings,
        EvictionOptions options,
        TimeProvider timeProvider,
        ILogger<GracefulEvictionController<TBinding>> logger)
    {
        _kind = kind;
        _client = client;
        _bindings = bindings;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var cached = _bindings.Indexer.Get(key);
        if (cached is null || _kind.Metadata(cached).DeletionTimestamp is not null || _kind.Spec(cached).GracefulEvictionTasks.Count == 0)
        {
            return ReconcileResult.Done;
        }

        var assessment = GracefulEvictionAssessment.Assess(
            _kind.Spec(cached), _kind.Status(cached), _kind.Metadata(cached).Generation, _options.GracefulEvictionTimeout, _timeProvider.GetUtcNow());
        if (assessment.Changed)
        {
            var binding = cached.DeepClone();
            _kind.Spec(binding).GracefulEvictionTasks = assessment.Tasks;

            // Optimistic concurrency on the cached resourceVersion: a conflict requeues with the fresh binding.
            await _client.UpdateAsync(_kind.Resource, key.Namespace, key.Name, binding, _kind.TypeInfo, cancellationToken: cancellationToken);
            foreach (var cluster in assessment.Removed)
            {
                LogTaskRemoved(_logger, key.ToString(), cluster);
            }
        }

        return assessment.NextRetry is { } next ? new ReconcileResult(next) : ReconcileResult.Done;
    }

    // Event ids 4340-4359: graceful eviction. Next free id: 4341.
    [LoggerMessage(4340, LogLevel.Information, "Graceful eviction of binding {Binding} from cluster {Cluster} is over; the old copy goes")]
    private static partial void LogTaskRemoved(ILogger logger, string binding, string cluster);
}
