using Karmada.Client;

namespace Karmada.Controllers.Runtime;

/// <summary>The REST resources the controllers read and write.</summary>
public static class ResourceRefs
{
    /// <summary><c>cluster.karmada.io/v1alpha1</c> Clusters (cluster-scoped).</summary>
    public static ResourceRef Clusters { get; } = new("cluster.karmada.io", "v1alpha1", "clusters", Namespaced: false);

    /// <summary>Core <c>v1</c> nodes.</summary>
    public static ResourceRef Nodes { get; } = new(string.Empty, "v1", "nodes", Namespaced: false);

    /// <summary>Core <c>v1</c> pods.</summary>
    public static ResourceRef Pods { get; } = new(string.Empty, "v1", "pods", Namespaced: true);

    /// <summary>Core <c>v1</c> service accounts.</summary>
    public static ResourceRef ServiceAccounts { get; } = new(string.Empty, "v1", "serviceaccounts", Namespaced: true);
}
