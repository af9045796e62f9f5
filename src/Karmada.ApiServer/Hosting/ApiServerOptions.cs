using Karmada.ApiServer.Http;
using Karmada.ApiServer.Resources;
using Karmada.Storage;

namespace Karmada.ApiServer.Hosting;

/// <summary>How to run one API server (the control plane's, or a simulated member's).</summary>
public sealed class ApiServerOptions
{
    /// <summary>Where certificates, credentials, the kubeconfig and (for SQLite) the database live.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>HTTPS port; 0 picks a free one.</summary>
    public int SecurePort { get; init; } = 6443;

    /// <summary>Address to listen on.</summary>
    public string BindAddress { get; init; } = "127.0.0.1";

    /// <summary>Address clients use; in the serving certificate and the kubeconfig.</summary>
    public string? AdvertiseAddress { get; init; }

    /// <summary>The server's name: certificate file prefix and kubeconfig cluster/context name.</summary>
    public string Name { get; init; } = "karmada-apiserver";

    /// <summary>The kubeconfig written into the data directory.</summary>
    public string KubeconfigFileName { get; init; } = "karmada-apiserver.config";

    public StorageOptions Storage { get; init; } = new();

    /// <summary>Resources served beside the Kubernetes built-ins (Karmada's kinds on the control plane).</summary>
    public IReadOnlyList<ResourceDefinition> ExtraResources { get; init; } = [];

    /// <summary>Namespaces created at start beside default, kube-system, kube-public and kube-node-lease.</summary>
    public IReadOnlyList<string> ExtraNamespaces { get; init; } = [];

    public ServerVersion Version { get; init; } = new();

    /// <summary>
    /// Middleware placed in front of authentication and the API (the member simulator's fault injection uses it).
    /// </summary>
    public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder>? ConfigurePipeline { get; init; }
}
