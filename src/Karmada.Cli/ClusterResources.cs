using Karmada.Api;
using Karmada.Client;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Cli;

/// <summary>The resources karmadactl touches.</summary>
public static class ClusterResources
{
    public static ResourceRef Clusters { get; } = new("cluster.karmada.io", "v1alpha1", "clusters", Namespaced: false);

    public static ResourceRef ServiceAccounts { get; } = new(string.Empty, "v1", "serviceaccounts", Namespaced: true);

    public static System.Text.Json.Serialization.Metadata.JsonTypeInfo<ClusterV1Alpha1.Cluster> ClusterType { get; } =
        KarmadaJson.GetTypeInfo<ClusterV1Alpha1.Cluster>();
}
