namespace Karmada.Api.WellKnown;

/// <summary>Finalizers Karmada controllers put on objects they must clean up after.</summary>
public static class WellKnownFinalizers
{
    /// <summary>On Cluster: its Works and execution namespace are deleted first.</summary>
    public const string ClusterController = "karmada.io/cluster-controller";

    /// <summary>On Work: its manifests are deleted from the member cluster first.</summary>
    public const string ExecutionController = "karmada.io/execution-controller";

    /// <summary>On ResourceBinding: its Works are deleted first.</summary>
    public const string BindingController = "karmada.io/binding-controller";

    /// <summary>On ClusterResourceBinding: its Works are deleted first.</summary>
    public const string ClusterResourceBindingController = "karmada.io/cluster-resource-binding-controller";

    /// <summary>On PropagationPolicy.</summary>
    public const string PropagationPolicyController = "karmada.io/propagation-policy-controller";

    /// <summary>On ClusterPropagationPolicy.</summary>
    public const string ClusterPropagationPolicyController = "karmada.io/cluster-propagation-policy-controller";

    /// <summary>On bindings that have attached dependency bindings.</summary>
    public const string BindingDependenciesDistributor = "karmada.io/binding-dependencies-distributor";

    /// <summary>On EndpointSlice Works.</summary>
    public const string EndpointSliceController = "karmada.io/endpointslice-controller";

    /// <summary>On MultiClusterService: its service Works are deleted first.</summary>
    public const string MultiClusterServiceController = "karmada.io/multiclusterservice-controller";

    /// <summary>On MultiClusterService: the Works in provider clusters are deleted first.</summary>
    public const string MultiClusterServiceEndpointSliceCollectController = "karmada.io/mcs-endpointslice-collect-controller";

    /// <summary>On MultiClusterService: the Works in consumer clusters are deleted first.</summary>
    public const string MultiClusterServiceEndpointSliceDispatchController = "karmada.io/mcs-endpointslice-dispatch-controller";
}
