using Karmada.Api;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Api.WellKnown;
using Karmada.Client;
using Karmada.Client.Controllers;
using Karmada.Client.Informers;
using Microsoft.Extensions.Logging;
using PropagationPolicy = Karmada.Api.Policy.V1Alpha1.PropagationPolicy;

namespace Karmada.Controllers.Detector;

/// <summary>
/// Reconciles PropagationPolicies and ClusterPropagationPolicies for the detector (upstream
/// <c>ReconcilePropagationPolicy</c>/<c>ReconcileClusterPropagationPolicy</c>). A live policy re-queues the
/// templates it claims or selects, so they pick up its changes, are released when it no longer selects them, or are
/// claimed or preempted by it. A deleting policy has its claim removed from its templates and their bindings (which,
/// like the member objects, stay), then its finalizer removed.
/// </summary>
public sealed partial class PolicyReconciler : IReconciler<PolicyKey>
{
    /// <summary>How soon a policy is looked at again while the template informers are still starting.</summary>
    internal static readonly TimeSpan NotReadyRetryInterval = TimeSpan.FromMilliseconds(500);

    private readonly KubeApiClient _client;
    private readonly TemplateInformers _templates;
    private readonly SharedInformer<PropagationPolicy> _propagationPolicies;
    private readonly SharedInformer<ClusterPropagationPolicy> _clusterPropagationPolicies;
    private readonly Action<TemplateKey> _enqueueTemplate;
    private readonly TemplateClaims _claims;
    private readonly BindingStore _bindings;
    private readonly ILogger _logger;

    public PolicyReconciler(
        KubeApiClient client,
        InformerFactory informers,
        TemplateInformers templates,
        SharedInformer<PropagationPolicy> propagationPolicies,
        SharedInformer<ClusterPropagationPolicy> clusterPropagationPolicies,
        Action<TemplateKey> enqueueTemplate,
        ILogger<PolicyReconciler> logger)
    {
        _client = client;
        _templates = templates;
        _propagationPolicies = propagationPolicies;
        _clusterPropagationPolicies = clusterPropagationPolicies;
        _enqueueTemplate = enqueueTemplate;
        _claims = new TemplateClaims(client);
        _bindings = new BindingStore(client, informers);
        _logger = logger;
    }

    public async Task<ReconcileResult> ReconcileAsync(PolicyKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!_templates.IsReady)
        {
            // Templates of resources not yet discovered would be missed by the claim lookup.
            return new ReconcileResult(NotReadyRetryInterval);
        }

        if (key.IsCluster)
        {
            var policy = _clusterPropagationPolicies.Indexer.Get(new ObjectKey(null, key.Name));
            if (policy is not null)
            {
                await ReconcileAsync(PolicyReference.Of(policy), policy.Metadata.DeletionTimestamp is not null, policy.Spec, cancellationToken);
                if (policy.Metadata.DeletionTimestamp is not null && policy.Metadata.Finalizers.Contains(WellKnownFinalizers.ClusterPropagationPolicyController))
                {
                    var updated = policy.DeepClone();
                    updated.Metadata.Finalizers.Remove(WellKnownFinalizers.ClusterPropagationPolicyController);
                    await _client.UpdateAsync(PolicyResources.ClusterPropagationPolicies, null, key.Name, updated, PolicyResources.ClusterPropagationPolicyTypeInfo, cancellationToken: cancellationToken);
                    LogFinalized(_logger, key.ToString());
                }
            }
        }
        else
        {
            var policy = _propagationPolicies.Indexer.Get(new ObjectKey(key.Namespace, key.Name));
            if (policy is not null)
            {
                await ReconcileAsync(PolicyReference.Of(policy), policy.Metadata.DeletionTimestamp is not null, policy.Spec, cancellationToken);
                if (policy.Metadata.DeletionTimestamp is not null && policy.Metadata.Finalizers.Contains(WellKnownFinalizers.PropagationPolicyController))
                {
                    var updated = policy.DeepClone();
                    updated.Metadata.Finalizers.Remove(WellKnownFinalizers.PropagationPolicyController);
                    await _client.UpdateAsync(PolicyResources.PropagationPolicies, key.Namespace, key.Name, updated, PolicyResources.PropagationPolicyTypeInfo, cancellationToken: cancellationToken);
                    LogFinalized(_logger, key.ToString());
                }
            }
        }

        return ReconcileResult.Done;
    }

    private async Task ReconcileAsync(PolicyReference policy, bool deleting, PropagationSpec spec, CancellationToken cancellationToken)
    {
        var claimed = string.IsNullOrEmpty(policy.PermanentId) ? [] : _templates.ClaimedBy(policy.PermanentId);
        if (!deleting)
        {
            foreach (var key in claimed.Concat(_templates.SelectedBy(spec.ResourceSelectors, policy.Namespace)).Distinct())
            {
                _enqueueTemplate(key);
            }

            return;
        }

        foreach (var key in claimed)
        {
            // The binding first, as upstream: a template released before its binding would not be found again on retry.
            await _bindings.ReleaseAsync(key.Namespace, BindingNames.GenerateBindingName(key.Resource.Kind, key.Name), policy, cancellationToken);
            await _claims.ReleaseAsync(key.Resource, key.Namespace, key.Name, policy, cancellationToken);
            _enqueueTemplate(key);
        }

        LogReleased(_logger, policy.ToString(), claimed.Count);
    }

    // Event ids 4520-4529: policy reconciler. Next free id: 4522.
    [LoggerMessage(4520, LogLevel.Information, "{Policy} is being deleted: released {Count} resource templates and their bindings")]
    private static partial void LogReleased(ILogger logger, string policy, int count);

    [LoggerMessage(4521, LogLevel.Information, "Removed the finalizer of {Policy}")]
    private static partial void LogFinalized(ILogger logger, string policy);
}
