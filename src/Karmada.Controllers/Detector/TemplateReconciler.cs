using System.Text.Json.Nodes;
using Karmada.Api.Config.V1Alpha1;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Api.WellKnown;
using Karmada.Client;
using Karmada.Client.Controllers;
using Karmada.Client.Informers;
using Karmada.Interpreter;
using Microsoft.Extensions.Logging;
using PropagationPolicy = Karmada.Api.Policy.V1Alpha1.PropagationPolicy;

namespace Karmada.Controllers.Detector;

/// <summary>
/// Reconciles one resource template (upstream <c>ResourceDetector.Reconcile</c>): decides its policy with
/// <see cref="PolicyResolver"/>, claims it, and creates or updates its ResourceBinding or ClusterResourceBinding; or
/// releases a stale claim so the template can match again. A deleted template needs nothing: its binding is owned by
/// it and goes with the garbage collector.
/// </summary>
public sealed partial class TemplateReconciler : IReconciler<TemplateKey>
{
    private readonly KubeApiClient _client;
    private readonly TemplateInformers _templates;
    private readonly SharedInformer<PropagationPolicy> _propagationPolicies;
    private readonly SharedInformer<ClusterPropagationPolicy> _clusterPropagationPolicies;
    private readonly IResourceInterpreter _interpreter;
    private readonly TemplateClaims _claims;
    private readonly BindingStore _bindings;
    private readonly bool _preemptionEnabled;
    private readonly ILogger _logger;

    public TemplateReconciler(
        KubeApiClient client,
        InformerFactory informers,
        TemplateInformers templates,
        SharedInformer<PropagationPolicy> propagationPolicies,
        SharedInformer<ClusterPropagationPolicy> clusterPropagationPolicies,
        IResourceInterpreter interpreter,
        bool preemptionEnabled,
        ILogger<TemplateReconciler> logger)
    {
        _client = client;
        _templates = templates;
        _propagationPolicies = propagationPolicies;
        _clusterPropagationPolicies = clusterPropagationPolicies;
        _interpreter = interpreter;
        _claims = new TemplateClaims(client);
        _bindings = new BindingStore(client, informers);
        _preemptionEnabled = preemptionEnabled;
        _logger = logger;
    }

    public async Task<ReconcileResult> ReconcileAsync(TemplateKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var cached = await GetTemplateAsync(key, cancellationToken);
        if (cached is null || cached["metadata"]?["deletionTimestamp"] is not null)
        {
            return ReconcileResult.Done;
        }

        var template = TemplateInformers.WithTypeMeta(cached, key.Resource);
        if (JsonObjectMeta.GetLabel(template, WellKnownLabels.ResourceTemplateClaimedBy) is { Length: > 0 })
        {
            // Another controller (MultiClusterService) propagates it.
            return ReconcileResult.Done;
        }

        var decision = PolicyResolver.Resolve(template, _propagationPolicies.Indexer.List(), _clusterPropagationPolicies.Indexer.List(), _preemptionEnabled);
        switch (decision.Kind)
        {
            case PolicyDecisionKind.Release:
                var claim = decision.Policy!;
                LogReleasing(_logger, key.ToString(), claim.ToString());

                // The binding first: once the template is released nothing lists it under this policy any more.
                await _bindings.ReleaseAsync(key.Namespace, BindingNames.GenerateBindingName(key.Resource.Kind, key.Name), claim, cancellationToken);
                await _claims.ReleaseAsync(key.Resource, key.Namespace, key.Name, claim, cancellationToken);
                return ReconcileResult.Done;

            case PolicyDecisionKind.Apply:
                await ApplyAsync(key, template, decision.Policy!, decision.Spec!, cancellationToken);
                return ReconcileResult.Done;

            default:
                return ReconcileResult.Done;
        }
    }

    private async Task ApplyAsync(TemplateKey key, JsonObject template, PolicyReference policy, PropagationSpec spec, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(policy.PermanentId))
        {
            throw new InvalidOperationException($"{policy} has no permanent id yet.");
        }

        await EnsureDependentOverridesAsync(policy, spec, cancellationToken);
        var claimed = await _claims.ClaimAsync(key.Resource, template, policy, cancellationToken);
        var kind = GroupVersionKind.Of(claimed);
        var replicas = _interpreter.HookEnabled(kind, InterpreterOperation.InterpretReplica) ? _interpreter.GetReplicas(claimed) : null;
        var priority = await ResolveSchedulePriorityAsync(spec.SchedulePriority, cancellationToken);
        var desired = BindingBuilder.Build(claimed, policy, spec, replicas, priority);
        var result = await _bindings.CreateOrUpdateAsync(desired, cancellationToken);
        if (result != BindingWriteResult.Unchanged)
        {
            LogBindingWritten(_logger, result.ToString(), desired.IsCluster ? "ClusterResourceBinding" : "ResourceBinding", desired.Metadata.Namespace ?? string.Empty, desired.Metadata.Name!, policy.ToString());
        }
    }

    /// <summary>
    /// Upstream's <c>IsDependentOverridesPresent</c>: a policy naming <c>dependentOverrides</c> is applied only once
    /// those OverridePolicies (ClusterOverridePolicies for a cluster policy) exist; until then the template is retried.
    /// </summary>
    private async Task EnsureDependentOverridesAsync(PolicyReference policy, PropagationSpec spec, CancellationToken cancellationToken)
    {
        foreach (var name in spec.DependentOverrides)
        {
            try
            {
                await _client.GetAsync(policy.IsCluster ? PolicyResources.ClusterOverridePolicies : PolicyResources.OverridePolicies, policy.Namespace, name, cancellationToken);
            }
            catch (ApiException ex) when (ex.IsNotFound())
            {
                throw new InvalidOperationException($"Waiting for dependent override {name} of {policy}.", ex);
            }
        }
    }

    /// <summary>The priority class value for the binding (upstream: only Kubernetes PriorityClasses are supported).</summary>
    private async Task<int?> ResolveSchedulePriorityAsync(Api.Policy.V1Alpha1.SchedulePriority? schedulePriority, CancellationToken cancellationToken)
    {
        if (schedulePriority is null)
        {
            return null;
        }

        if (schedulePriority.PriorityClassSource != PriorityClassSource.KubePriorityClass)
        {
            throw new InvalidOperationException($"priority class source is {schedulePriority.PriorityClassSource}, but it is not supported yet");
        }

        var priorityClass = await _client.GetAsync(PolicyResources.PriorityClasses, null, schedulePriority.PriorityClassName, cancellationToken);
        return priorityClass["value"]?.GetValue<int>() ?? 0;
    }

    private async Task<JsonObject?> GetTemplateAsync(TemplateKey key, CancellationToken cancellationToken)
    {
        var cached = _templates.Find(key.Resource.Resource)?.Indexer.Get(new ObjectKey(key.Namespace, key.Name));
        if (cached is not null)
        {
            return cached;
        }

        // Not (yet) in the cache: ask the server, as upstream falls back to its dynamic client.
        try
        {
            return await _client.GetAsync(key.Resource.Resource, key.Namespace, key.Name, cancellationToken);
        }
        catch (ApiException ex) when (ex.IsNotFound())
        {
            return null;
        }
    }

    // Event ids 4500-4549: resource detector. Next free id: 4502 (4510+ in ResourceDetector and PolicyReconciler).
    [LoggerMessage(4500, LogLevel.Information, "{Result} {BindingKind} {Namespace}/{Name} for {Policy}")]
    private static partial void LogBindingWritten(ILogger logger, string result, string bindingKind, string @namespace, string name, string policy);

    [LoggerMessage(4501, LogLevel.Information, "Releasing template {Template} from {Policy}: the policy is gone or no longer selects it")]
    private static partial void LogReleasing(ILogger logger, string template, string policy);
}
