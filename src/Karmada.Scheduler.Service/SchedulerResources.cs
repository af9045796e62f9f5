using System.Text.Json.Serialization.Metadata;
using Karmada.Api;
using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Client;

namespace Karmada.Scheduler.Service;

/// <summary>The REST resources the scheduler reads and writes, with typed informer access.</summary>
public static class SchedulerResources
{
    /// <summary><c>work.karmada.io/v1alpha2</c> ResourceBindings (namespaced).</summary>
    public static ResourceRef ResourceBindings { get; } = new("work.karmada.io", "v1alpha2", "resourcebindings", Namespaced: true);

    /// <summary><c>work.karmada.io/v1alpha2</c> ClusterResourceBindings (cluster-scoped).</summary>
    public static ResourceRef ClusterResourceBindings { get; } = new("work.karmada.io", "v1alpha2", "clusterresourcebindings", Namespaced: false);

    /// <summary><c>cluster.karmada.io/v1alpha1</c> Clusters (cluster-scoped).</summary>
    public static ResourceRef Clusters { get; } = new("cluster.karmada.io", "v1alpha1", "clusters", Namespaced: false);

    /// <summary>Core <c>v1</c> Events.</summary>
    public static ResourceRef Events { get; } = new(string.Empty, "v1", "events", Namespaced: true);

    /// <summary>Identity and version of a ResourceBinding, for typed informers.</summary>
    public static ObjectMetaAccessor<ResourceBinding> ResourceBindingAccessor { get; } =
        new(b => b.Metadata.Namespace, b => b.Metadata.Name, b => b.Metadata.ResourceVersion);

    /// <summary>Identity and version of a ClusterResourceBinding, for typed informers.</summary>
    public static ObjectMetaAccessor<ClusterResourceBinding> ClusterResourceBindingAccessor { get; } =
        new(b => b.Metadata.Namespace, b => b.Metadata.Name, b => b.Metadata.ResourceVersion);

    /// <summary>Identity and version of a Cluster, for typed informers.</summary>
    public static ObjectMetaAccessor<Cluster> ClusterAccessor { get; } =
        new(c => c.Metadata.Namespace, c => c.Metadata.Name, c => c.Metadata.ResourceVersion);

    /// <summary>The source-generated JSON contract of a Cluster.</summary>
    public static JsonTypeInfo<Cluster> ClusterType { get; } = KarmadaJson.GetTypeInfo<Cluster>();

    /// <summary>The source-generated JSON contract of a ResourceBinding.</summary>
    public static JsonTypeInfo<ResourceBinding> ResourceBindingType { get; } = KarmadaJson.GetTypeInfo<ResourceBinding>();

    /// <summary>The source-generated JSON contract of a ClusterResourceBinding.</summary>
    public static JsonTypeInfo<ClusterResourceBinding> ClusterResourceBindingType { get; } = KarmadaJson.GetTypeInfo<ClusterResourceBinding>();
}
