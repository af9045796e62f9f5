using System.Text.Json.Serialization.Metadata;
using Karmada.Api;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Client;
using PropagationPolicy = Karmada.Api.Policy.V1Alpha1.PropagationPolicy;

namespace Karmada.Controllers.Detector;

/// <summary>REST identities and typed access of PropagationPolicies and ClusterPropagationPolicies, for informers and the client.</summary>
public static class PolicyResources
{
    /// <summary><c>policy.karmada.io/v1alpha1</c> PropagationPolicies.</summary>
    public static ResourceRef PropagationPolicies { get; } = new("policy.karmada.io", "v1alpha1", "propagationpolicies", Namespaced: true);

    /// <summary><c>policy.karmada.io/v1alpha1</c> ClusterPropagationPolicies.</summary>
    public static ResourceRef ClusterPropagationPolicies { get; } = new("policy.karmada.io", "v1alpha1", "clusterpropagationpolicies", Namespaced: false);

    /// <summary><c>policy.karmada.io/v1alpha1</c> OverridePolicies (a policy's <c>dependentOverrides</c>).</summary>
    public static ResourceRef OverridePolicies { get; } = new("policy.karmada.io", "v1alpha1", "overridepolicies", Namespaced: true);

    /// <summary><c>policy.karmada.io/v1alpha1</c> ClusterOverridePolicies (a cluster policy's <c>dependentOverrides</c>).</summary>
    public static ResourceRef ClusterOverridePolicies { get; } = new("policy.karmada.io", "v1alpha1", "clusteroverridepolicies", Namespaced: false);

    /// <summary><c>apiextensions.k8s.io/v1</c> CustomResourceDefinitions: a change means discovery may have changed.</summary>
    public static ResourceRef CustomResourceDefinitions { get; } = new("apiextensions.k8s.io", "v1", "customresourcedefinitions", Namespaced: false);

    /// <summary><c>scheduling.k8s.io/v1</c> PriorityClasses, resolved into bindings' schedule priority.</summary>
    public static ResourceRef PriorityClasses { get; } = new("scheduling.k8s.io", "v1", "priorityclasses", Namespaced: false);

    public static ObjectMetaAccessor<PropagationPolicy> PropagationPolicyAccessor { get; } =
        new(p => p.Metadata.Namespace, p => p.Metadata.Name, p => p.Metadata.ResourceVersion);

    public static ObjectMetaAccessor<ClusterPropagationPolicy> ClusterPropagationPolicyAccessor { get; } =
        new(p => p.Metadata.Namespace, p => p.Metadata.Name, p => p.Metadata.ResourceVersion);

    public static JsonTypeInfo<PropagationPolicy> PropagationPolicyTypeInfo { get; } = KarmadaJson.GetTypeInfo<PropagationPolicy>();

    public static JsonTypeInfo<ClusterPropagationPolicy> ClusterPropagationPolicyTypeInfo { get; } = KarmadaJson.GetTypeInfo<ClusterPropagationPolicy>();
}
