namespace Karmada.Api.WellKnown;

/// <summary>Label keys Karmada sets or reads (upstream <c>pkg/util/constants.go</c> and <c>pkg/apis/*/well_known_constants.go</c>).</summary>
public static class WellKnownLabels
{
    /// <summary>On every object Karmada creates in member clusters (value <c>true</c>); gates update and delete ownership.</summary>
    public const string Managed = "karmada.io/managed";

    /// <summary>On Karmada system namespaces and RBAC objects (value <c>true</c>).</summary>
    public const string System = "karmada.io/system";

    /// <summary>On clusters and objects created while bootstrapping with <c>karmadactl init</c>.</summary>
    public const string Bootstrapping = "karmada.io/bootstrapping";

    /// <summary>Permanent ID of a PropagationPolicy; on the policy, the claimed resource template and its binding.</summary>
    public const string PropagationPolicyPermanentId = "propagationpolicy.karmada.io/permanent-id";

    /// <summary>Permanent ID of a ClusterPropagationPolicy; on the policy, the claimed resource template and its binding.</summary>
    public const string ClusterPropagationPolicyPermanentId = "clusterpropagationpolicy.karmada.io/permanent-id";

    /// <summary>Permanent ID of a ResourceBinding; on the binding, its Works and the member objects.</summary>
    public const string ResourceBindingPermanentId = "resourcebinding.karmada.io/permanent-id";

    /// <summary>Permanent ID of a ClusterResourceBinding; on the binding, its Works and the member objects.</summary>
    public const string ClusterResourceBindingPermanentId = "clusterresourcebinding.karmada.io/permanent-id";

    /// <summary>Permanent ID of a Work; on the Work and the member objects.</summary>
    public const string WorkPermanentId = "work.karmada.io/permanent-id";

    /// <summary>Prefix of the label marking an attached (dependency) binding: <c>resourcebinding.karmada.io/depended-by-&lt;hash&gt;</c>.</summary>
    public const string ResourceBindingDependedByPrefix = "resourcebinding.karmada.io/depended-by-";

    /// <summary>The component that manages a binding.</summary>
    public const string BindingManagedBy = "binding.karmada.io/managed-by";

    /// <summary>On a resource template (value <c>true</c>): keep the member clusters' replicas.</summary>
    public const string RetainReplicas = "resourcetemplate.karmada.io/retain-replicas";

    /// <summary>On a resource template: which object is in charge of propagating it (e.g. <c>MultiClusterService</c>).</summary>
    public const string ResourceTemplateClaimedBy = "resourcetemplate.karmada.io/claimed-by";

    /// <summary>On any resource (value <c>Always</c>): deletion requests are denied.</summary>
    public const string DeletionProtected = "resourcetemplate.karmada.io/deletion-protected";

    /// <summary>On a namespace (value <c>true</c>): the namespace controller does not propagate it.</summary>
    public const string NamespaceSkipAutoPropagation = "namespace.karmada.io/skip-auto-propagation";

    /// <summary>On Works reported from member clusters: namespace of the Service of the EndpointSlice.</summary>
    public const string EndpointSliceNamespace = "endpointslice.karmada.io/namespace";

    /// <summary>On Works reported from member clusters: name of the Service of the EndpointSlice.</summary>
    public const string EndpointSliceName = "endpointslice.karmada.io/name";

    /// <summary>On EndpointSlice Works: the controller that manages them.</summary>
    public const string EndpointSliceManagedBy = "endpointslice.karmada.io/managed-by";

    /// <summary>On Works managed by a MultiClusterService: its namespace.</summary>
    public const string MultiClusterServiceNamespace = "multiclusterservice.karmada.io/namespace";

    /// <summary>On Works managed by a MultiClusterService: its name.</summary>
    public const string MultiClusterServiceName = "multiclusterservice.karmada.io/name";

    /// <summary>Permanent ID of a MultiClusterService.</summary>
    public const string MultiClusterServicePermanentId = "multiclusterservice.karmada.io/permanent-id";

    /// <summary>On Works of a FederatedResourceQuota: its namespace.</summary>
    public const string FederatedResourceQuotaNamespace = "federatedresourcequota.karmada.io/namespace";

    /// <summary>On Works of a FederatedResourceQuota: its name.</summary>
    public const string FederatedResourceQuotaName = "federatedresourcequota.karmada.io/name";

    /// <summary>On a Work: a propagation instruction, e.g. <c>suppressed</c> to skip it in the execution controller.</summary>
    public const string PropagationInstruction = "propagation.karmada.io/instruction";
}
