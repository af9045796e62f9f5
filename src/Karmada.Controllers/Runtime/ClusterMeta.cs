using Karmada.Client;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Controllers.Runtime;

/// <summary>Typed access to Clusters for informers and the client.</summary>
public static class ClusterMeta
{
    /// <summary>Identity and version of a Cluster, for typed informers.</summary>
    public static ObjectMetaAccessor<ClusterV1Alpha1.Cluster> Accessor { get; } =
        new(c => c.Metadata.Namespace, c => c.Metadata.Name, c => c.Metadata.ResourceVersion);

    /// <summary>The source-generated JSON contract of a Cluster.</summary>
    public static System.Text.Json.Serialization.Metadata.JsonTypeInfo<ClusterV1Alpha1.Cluster> TypeInfo { get; } =
        Api.KarmadaJson.GetTypeInfo<ClusterV1Alpha1.Cluster>();
}
