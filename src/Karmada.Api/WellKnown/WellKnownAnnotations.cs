namespace Karmada.Api.WellKnown;

/// <summary>Annotation keys Karmada sets or reads (upstream <c>pkg/util/constants.go</c> and <c>pkg/apis/*/well_known_constants.go</c>).</summary>
public static class WellKnownAnnotations
{
    /// <summary>On a claimed resource template and its binding: namespace of the PropagationPolicy.</summary>
    public const string PropagationPolicyNamespace = "propagationpolicy.karmada.io/namespace";

    /// <summary>On a claimed resource template and its binding: name of the PropagationPolicy.</summary>
    public const string PropagationPolicyName = "propagationpolicy.karmada.io/name";

    /// <summary>On a claimed resource template and its binding: name of the ClusterPropagationPolicy.</summary>
    public const string ClusterPropagationPolicyName = "clusterpropagationpolicy.karmada.io/name";

    /// <summary>On bindings: the placement (JSON) the scheduler last applied; also drives taint eviction.</summary>
    public const string AppliedPlacement = "policy.karmada.io/applied-placement";

    /// <summary>On Works: the OverridePolicies applied (JSON <c>{"appliedItems":[...]}</c>, sorted by policy name).</summary>
    public const string AppliedOverrides = "policy.karmada.io/applied-overrides";

    /// <summary>On Works: the ClusterOverridePolicies applied (JSON, sorted by policy name).</summary>
    public const string AppliedClusterOverrides = "policy.karmada.io/applied-cluster-overrides";

    /// <summary>On Works and their manifests: namespace of the ResourceBinding they derive from.</summary>
    public const string ResourceBindingNamespace = "resourcebinding.karmada.io/namespace";

    /// <summary>On Works and their manifests: name of the ResourceBinding they derive from.</summary>
    public const string ResourceBindingName = "resourcebinding.karmada.io/name";

    /// <summary>On Works and their manifests: name of the ClusterResourceBinding they derive from.</summary>
    public const string ClusterResourceBindingName = "clusterresourcebinding.karmada.io/name";

    /// <summary>On independent ResourceBindings: their dependencies (JSON).</summary>
    public const string ResourceBindingDependencies = "resourcebinding.karmada.io/dependencies";

    /// <summary>On member objects: namespace of the Work that manages them.</summary>
    public const string WorkNamespace = "work.karmada.io/namespace";

    /// <summary>On member objects: name of the Work that manages them.</summary>
    public const string WorkName = "work.karmada.io/name";

    /// <summary>On resource templates (user-settable), Works and member objects: <c>overwrite</c> or <c>abort</c>.</summary>
    public const string ConflictResolution = "work.karmada.io/conflict-resolution";

    /// <summary>On manifests of Works: uid of the resource template.</summary>
    public const string ResourceTemplateUid = "resourcetemplate.karmada.io/uid";

    /// <summary>On manifests of Works: generation of the resource template.</summary>
    public const string ResourceTemplateGeneration = "resourcetemplate.karmada.io/generation";

    /// <summary>On manifests of Works: sorted, comma-separated label keys of the template, to delete removed keys.</summary>
    public const string ManagedLabels = "resourcetemplate.karmada.io/managed-labels";

    /// <summary>On manifests of Works: sorted, comma-separated annotation keys of the template, to delete removed keys.</summary>
    public const string ManagedAnnotations = "resourcetemplate.karmada.io/managed-annotations";

    /// <summary>On EndpointSlice Works in consumer clusters: the provider cluster.</summary>
    public const string EndpointSliceProvisionCluster = "endpointslice.karmada.io/provision-cluster";

    /// <summary>On resources served by karmada-search: the cluster they were cached from.</summary>
    public const string CachedFromCluster = "resource.karmada.io/cached-from-cluster";

    /// <summary>On metrics queries: the cluster to query (metrics adapter).</summary>
    public const string QueryFromCluster = "resource.karmada.io/query-from-cluster";

    /// <summary>Namespace of a MultiClusterService.</summary>
    public const string MultiClusterServiceNamespace = "multiclusterservice.karmada.io/namespace";

    /// <summary>Name of a MultiClusterService.</summary>
    public const string MultiClusterServiceName = "multiclusterservice.karmada.io/name";
}
