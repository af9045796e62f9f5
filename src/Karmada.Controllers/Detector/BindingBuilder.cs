using System.Text.Json.Nodes;
using Karmada.Api;
using Karmada.Api.Meta;
using Karmada.Api.WellKnown;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Client;
using Karmada.Interpreter;
using PolicyV1Alpha1 = Karmada.Api.Policy.V1Alpha1;

namespace Karmada.Controllers.Detector;

/// <summary>
/// Builds the binding of a claimed template (upstream <c>BuildResourceBinding</c> / <c>BuildClusterResourceBinding</c>)
/// and merges it into an existing binding without touching what other controllers own (<c>clusters</c>, graceful
/// eviction tasks, <c>requiredBy</c>, reschedule triggers, status).
/// </summary>
public static class BindingBuilder
{
    /// <summary>
    /// The policy's <c>schedulerName</c> when unset: upstream's CRD schema defaults it, and the scheduler only picks up
    /// bindings naming it.
    /// </summary>
    public const string DefaultSchedulerName = "default-scheduler";

    /// <summary>
    /// The desired binding: a ResourceBinding in the template's namespace, or a ClusterResourceBinding for a
    /// cluster-scoped template, owned by the template (controller, blocking deletion), with the binding controller's
    /// finalizer, the policy's claim and the spec copied from the policy plus the interpreted replicas.
    /// </summary>
    /// <param name="template">The claimed template (with apiVersion, kind, uid and resourceVersion).</param>
    /// <param name="policy">The claiming policy.</param>
    /// <param name="policySpec">The claiming policy's spec.</param>
    /// <param name="replicas">The interpreter's replicas, or null when the kind has no replica interpretation.</param>
    /// <param name="schedulePriority">The resolved priority class value, or null when the policy sets none.</param>
    public static DesiredBinding Build(
        JsonObject template,
        PolicyReference policy,
        PolicyV1Alpha1.PropagationSpec policySpec,
        ReplicaResult? replicas,
        int? schedulePriority)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(policySpec);
        var apiVersion = TemplateFields.ApiVersion(template);
        var kind = TemplateFields.Kind(template);
        var name = TemplateFields.Name(template);
        var ns = TemplateFields.Namespace(template);
        var uid = JsonObjectMeta.GetUid(template) ?? string.Empty;
        var clusterScoped = ns.Length == 0;
        var metadata = new ObjectMeta
        {
            Name = BindingNames.GenerateBindingName(kind, name),
            Namespace = clusterScoped ? null : ns,
            OwnerReferences =
            [
                new OwnerReference { ApiVersion = apiVersion, Kind = kind, Name = name, Uid = uid, Controller = true, BlockOwnerDeletion = true },
            ],
            Finalizers = [clusterScoped ? WellKnownFinalizers.ClusterResourceBindingController : WellKnownFinalizers.BindingController],
        };
        ClaimMetadata.Claim(metadata, policy);

        var spec = new ResourceBindingSpec
        {
            Resource = new ObjectReference
            {
                ApiVersion = apiVersion,
                Kind = kind,
                Namespace = clusterScoped ? null : ns,
                Name = name,
                Uid = uid,
                ResourceVersion = JsonObjectMeta.GetResourceVersion(template),
            },
            PropagateDeps = policySpec.PropagateDeps,
            SchedulerName = string.IsNullOrEmpty(policySpec.SchedulerName) ? DefaultSchedulerName : policySpec.SchedulerName,
            Placement = policySpec.Placement.DeepClone(),
            Failover = policySpec.Failover?.DeepClone(),
            ConflictResolution = policySpec.ConflictResolution,
            PreserveResourcesOnDeletion = policySpec.PreserveResourcesOnDeletion,
            Replicas = replicas?.Replicas ?? 0,
            ReplicaRequirements = replicas?.Requirements,
            SchedulePriority = clusterScoped || schedulePriority is null ? null : new SchedulePriority { Priority = schedulePriority.Value },
            Suspension = MergeSuspension(null, policySpec.Suspension),
        };
        return new DesiredBinding(policy, metadata, spec, policySpec.Suspension?.DeepClone());
    }

    /// <summary>
    /// Merges <paramref name="desired"/> into an existing binding's metadata and spec in place (upstream's
    /// <c>CreateOrUpdate</c> mutate function): labels, annotations and finalizers are merged, owners replaced, the
    /// detector's spec fields overwritten, suspension merged; everything else is left as it is.
    /// </summary>
    public static void MergeInto(ObjectMeta metadata, ResourceBindingSpec spec, DesiredBinding desired)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(desired);
        foreach (var (key, value) in desired.Metadata.Labels)
        {
            metadata.Labels[key] = value;
        }

        foreach (var (key, value) in desired.Metadata.Annotations)
        {
            metadata.Annotations[key] = value;
        }

        ClaimMetadata.Claim(metadata, desired.Policy);
        foreach (var finalizer in desired.Metadata.Finalizers.Where(f => !metadata.Finalizers.Contains(f)))
        {
            metadata.Finalizers.Add(finalizer);
        }

        metadata.OwnerReferences = [.. desired.Metadata.OwnerReferences.Select(o => o.DeepClone())];

        var source = desired.Spec;
        spec.Resource = source.Resource.DeepClone();
        spec.ReplicaRequirements = source.ReplicaRequirements?.DeepClone();
        spec.Replicas = source.Replicas;
        spec.Components = [.. source.Components.Select(c => c.DeepClone())];
        spec.PropagateDeps = source.PropagateDeps;
        spec.SchedulerName = source.SchedulerName;
        spec.Placement = source.Placement?.DeepClone();
        spec.Failover = source.Failover?.DeepClone();
        spec.ConflictResolution = source.ConflictResolution;
        spec.PreserveResourcesOnDeletion = source.PreserveResourcesOnDeletion;
        spec.SchedulePriority = source.SchedulePriority?.DeepClone();
        spec.Suspension = MergeSuspension(spec.Suspension, desired.PolicySuspension);
    }

    /// <summary>
    /// The binding's suspension after applying the policy's (upstream <c>MergePolicySuspension</c>): the policy's
    /// dispatching fields replace the binding's; the binding's own <c>scheduling</c> flag is kept; nothing left means null.
    /// </summary>
    public static Suspension? MergeSuspension(Suspension? binding, PolicyV1Alpha1.Suspension? policy)
    {
        if (policy is not null)
        {
            var merged = binding?.DeepClone() ?? new Suspension();
            merged.Dispatching = policy.Dispatching;
            merged.DispatchingOnClusters = policy.DispatchingOnClusters?.DeepClone();
            return merged;
        }

        if (binding?.Scheduling is null)
        {
            return null;
        }

        var kept = binding.DeepClone();
        kept.Dispatching = null;
        kept.DispatchingOnClusters = null;
        return kept;
    }
}
