using System.Text.Json.Serialization.Metadata;
using Karmada.Api;
using Karmada.Client;
using PolicyV1Alpha1 = Karmada.Api.Policy.V1Alpha1;
using WorkV1Alpha1 = Karmada.Api.Work.V1Alpha1;
using WorkV1Alpha2 = Karmada.Api.Work.V1Alpha2;

namespace Karmada.Controllers.Binding;

/// <summary>The REST resources, JSON contracts and metadata accessors of the kinds the binding controllers use.</summary>
public static class BindingResources
{
    /// <summary><c>work.karmada.io/v1alpha2</c> ResourceBindings.</summary>
    public static ResourceRef ResourceBindings { get; } = new("work.karmada.io", "v1alpha2", "resourcebindings", Namespaced: true);

    /// <summary><c>work.karmada.io/v1alpha2</c> ClusterResourceBindings.</summary>
    public static ResourceRef ClusterResourceBindings { get; } = new("work.karmada.io", "v1alpha2", "clusterresourcebindings", Namespaced: false);

    /// <summary><c>work.karmada.io/v1alpha1</c> Works.</summary>
    public static ResourceRef Works { get; } = new("work.karmada.io", "v1alpha1", "works", Namespaced: true);

    /// <summary><c>policy.karmada.io/v1alpha1</c> OverridePolicies.</summary>
    public static ResourceRef OverridePolicies { get; } = new("policy.karmada.io", "v1alpha1", "overridepolicies", Namespaced: true);

    /// <summary><c>policy.karmada.io/v1alpha1</c> ClusterOverridePolicies.</summary>
    public static ResourceRef ClusterOverridePolicies { get; } = new("policy.karmada.io", "v1alpha1", "clusteroverridepolicies", Namespaced: false);

    public static JsonTypeInfo<WorkV1Alpha2.ResourceBinding> ResourceBindingType { get; } = KarmadaJson.GetTypeInfo<WorkV1Alpha2.ResourceBinding>();

    public static JsonTypeInfo<WorkV1Alpha2.ClusterResourceBinding> ClusterResourceBindingType { get; } = KarmadaJson.GetTypeInfo<WorkV1Alpha2.ClusterResourceBinding>();

    public static JsonTypeInfo<WorkV1Alpha1.Work> WorkType { get; } = KarmadaJson.GetTypeInfo<WorkV1Alpha1.Work>();

    public static JsonTypeInfo<PolicyV1Alpha1.OverridePolicy> OverridePolicyType { get; } = KarmadaJson.GetTypeInfo<PolicyV1Alpha1.OverridePolicy>();

    public static JsonTypeInfo<PolicyV1Alpha1.ClusterOverridePolicy> ClusterOverridePolicyType { get; } = KarmadaJson.GetTypeInfo<PolicyV1Alpha1.ClusterOverridePolicy>();

    public static ObjectMetaAccessor<WorkV1Alpha2.ResourceBinding> ResourceBindingMeta { get; } =
        new(o => o.Metadata.Namespace, o => o.Metadata.Name, o => o.Metadata.ResourceVersion);

    public static ObjectMetaAccessor<WorkV1Alpha2.ClusterResourceBinding> ClusterResourceBindingMeta { get; } =
        new(o => o.Metadata.Namespace, o => o.Metadata.Name, o => o.Metadata.ResourceVersion);

    public static ObjectMetaAccessor<WorkV1Alpha1.Work> WorkMeta { get; } =
        new(o => o.Metadata.Namespace, o => o.Metadata.Name, o => o.Metadata.ResourceVersion);

    public static ObjectMetaAccessor<PolicyV1Alpha1.OverridePolicy> OverridePolicyMeta { get; } =
        new(o => o.Metadata.Namespace, o => o.Metadata.Name, o => o.Metadata.ResourceVersion);

    public static ObjectMetaAccessor<PolicyV1Alpha1.ClusterOverridePolicy> ClusterOverridePolicyMeta { get; } =
        new(o => o.Metadata.Namespace, o => o.Metadata.Name, o => o.Metadata.ResourceVersion);
}
