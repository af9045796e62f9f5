using Karmada.Api.Meta;
using Karmada.Api.Policy.V1Alpha1;

namespace Karmada.Policy.Admission;

/// <summary>
/// Defaulting of PropagationPolicy and ClusterPropagationPolicy. <see cref="Default(PropagationPolicy)"/> applies the
/// mutating webhook rules (selector namespaces, ServiceImport followers, Divided → Weighted, spread constraint
/// defaults, failover grace period); <see cref="ApplySchemaDefaults(PropagationSpec)"/> applies the CRD schema's
/// <c>default</c> values, which the API server sets before admission. The permanent-id label is left to the server.
/// No NoExecute tolerations are injected: upstream's webhook added <c>cluster.karmada.io/not-ready</c> and
/// <c>unreachable</c> tolerations (300 s) until v1.14 disabled that (karmada#6373) and v1.15 removed its flags
/// (karmada#6444), since NoExecute taints now only come from ClusterTaintPolicy or users, who state tolerations.
/// </summary>
public static class PropagationPolicyDefaulter
{
    /// <summary>The ServiceImport kind whose selection pulls in the derived Service and its EndpointSlices.</summary>
    public const string ServiceImportKind = "ServiceImport";

    /// <summary>The CRD schema default of <c>spec.schedulerName</c>.</summary>
    public const string DefaultSchedulerName = "default-scheduler";

    /// <summary>Upstream's default grace period for Gracefully application failover.</summary>
    public const int DefaultGracePeriodSeconds = 600;

    /// <summary>Applies the PropagationPolicy mutating webhook rules in place.</summary>
    public static void Default(PropagationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        foreach (var selector in policy.Spec.ResourceSelectors)
        {
            if (string.IsNullOrEmpty(selector.Namespace))
            {
                selector.Namespace = policy.Metadata.Namespace;
            }
        }

        DefaultSpec(policy.Spec);
    }

    /// <summary>Applies the ClusterPropagationPolicy mutating webhook rules in place.</summary>
    public static void Default(ClusterPropagationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        DefaultSpec(policy.Spec);
    }

    /// <summary>
    /// Everything the control plane defaults on a created or updated PropagationPolicy, in upstream's order: the CRD
    /// schema defaults (applied when the API server decodes the object), then the mutating webhook rules.
    /// </summary>
    public static void ApplyServerDefaults(PropagationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ApplySchemaDefaults(policy.Spec);
        Default(policy);
    }

    /// <summary>The same for a ClusterPropagationPolicy.</summary>
    public static void ApplyServerDefaults(ClusterPropagationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ApplySchemaDefaults(policy.Spec);
        Default(policy);
    }

    /// <summary>Applies the CRD schema defaults to a PropagationPolicy or ClusterPropagationPolicy spec in place.</summary>
    public static void ApplySchemaDefaults(PropagationSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Priority ??= 0;
        spec.Preemption ??= PreemptionBehavior.Never;
        spec.ConflictResolution ??= ConflictResolution.Abort;
        if (string.IsNullOrEmpty(spec.SchedulerName))
        {
            spec.SchedulerName = DefaultSchedulerName;
        }

        if (spec.Placement.ReplicaScheduling is { ReplicaSchedulingType: null } scheduling)
        {
            scheduling.ReplicaSchedulingType = ReplicaSchedulingType.Divided;
        }

        foreach (var constraint in spec.Placement.SpreadConstraints)
        {
            if (constraint.MinGroups == 0)
            {
                constraint.MinGroups = 1;
            }
        }

        if (spec.Failover?.Application is { } application)
        {
            application.DecisionConditions.TolerationSeconds ??= 300;
            application.PurgeMode ??= PurgeMode.Gracefully;
        }

        if (spec.Failover?.Cluster is { } cluster)
        {
            cluster.PurgeMode ??= PurgeMode.Gracefully;
        }
    }

    /// <summary>Sets spreadByField=cluster where neither field nor label is set, and minGroups=1 where it is 0.</summary>
    public static void SetDefaultSpreadConstraints(List<SpreadConstraint> constraints)
    {
        ArgumentNullException.ThrowIfNull(constraints);
        foreach (var constraint in constraints)
        {
            if (string.IsNullOrEmpty(constraint.SpreadByLabel) && constraint.SpreadByField is null)
            {
                constraint.SpreadByField = SpreadFieldValue.Cluster;
            }

            if (constraint.MinGroups == 0)
            {
                constraint.MinGroups = 1;
            }
        }
    }

    /// <summary>
    /// The selectors a ServiceImport selector brings along: the derived Service <c>derived-&lt;name&gt;</c> and its
    /// EndpointSlices (upstream <c>GetFollowedResourceSelectorsWhenMatchServiceImport</c>).
    /// </summary>
    public static List<ResourceSelector> GetFollowedResourceSelectors(IEnumerable<ResourceSelector> selectors)
    {
        ArgumentNullException.ThrowIfNull(selectors);
        var added = new List<ResourceSelector>();
        foreach (var selector in selectors)
        {
            if (selector.Kind != ServiceImportKind || string.IsNullOrEmpty(selector.Namespace) || string.IsNullOrEmpty(selector.Name))
            {
                continue;
            }

            var derived = "derived-" + selector.Name;
            added.Add(new ResourceSelector { ApiVersion = "v1", Kind = "Service", Namespace = selector.Namespace, Name = derived });
            added.Add(new ResourceSelector
            {
                ApiVersion = "discovery.k8s.io/v1",
                Kind = "EndpointSlice",
                Namespace = selector.Namespace,
                LabelSelector = new LabelSelector { MatchLabels = { ["kubernetes.io/service-name"] = derived } },
            });
        }

        return added;
    }

    private static void DefaultSpec(PropagationSpec spec)
    {
        if (spec.ResourceSelectors.Any(s => s.Kind == ServiceImportKind))
        {
            spec.PropagateDeps = true;
        }

        // Re-running defaulting on update must not duplicate the followers added on create.
        foreach (var follower in GetFollowedResourceSelectors(spec.ResourceSelectors))
        {
            if (!spec.ResourceSelectors.Any(s => SameSelector(s, follower)))
            {
                spec.ResourceSelectors.Add(follower);
            }
        }

        if (spec.Placement.ReplicaScheduling is { ReplicaDivisionPreference: null, ReplicaSchedulingType: ReplicaSchedulingType.Divided } scheduling)
        {
            scheduling.ReplicaDivisionPreference = ReplicaDivisionPreference.Weighted;
        }

        SetDefaultSpreadConstraints(spec.Placement.SpreadConstraints);
        if (spec.Failover?.Application is { GracePeriodSeconds: null } application && PolicySpecValidation.IsGracefully(application.PurgeMode))
        {
            application.GracePeriodSeconds = DefaultGracePeriodSeconds;
        }
    }

    private static bool SameSelector(ResourceSelector a, ResourceSelector b) =>
        a.ApiVersion == b.ApiVersion && a.Kind == b.Kind && a.Namespace == b.Namespace && (a.Name ?? "") == (b.Name ?? "")
        && (a.LabelSelector is null) == (b.LabelSelector is null)
        && (a.LabelSelector is null || a.LabelSelector.MatchLabels.Count == b.LabelSelector!.MatchLabels.Count
            && a.LabelSelector.MatchLabels.All(p => b.LabelSelector.MatchLabels.TryGetValue(p.Key, out var v) && v == p.Value));
}
