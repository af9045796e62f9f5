using System.CommandLine;
using Karmada.Client;

namespace Karmada.Cli;

/// <summary>The <c>-n/--namespace</c> option: the flag, else the kubeconfig context's namespace, else <c>default</c>.</summary>
public static class NamespaceOptions
{
    public static Option<string?> Create() => new("--namespace", "-n") { Description = "Namespace (default: the kubeconfig context's, else 'default')." };

    public static string Resolve(string? flag, KubeApiClient controlPlane)
    {
        ArgumentNullException.ThrowIfNull(controlPlane);
        return !string.IsNullOrEmpty(flag) ? flag : controlPlane.DefaultNamespace is { Length: > 0 } contextNamespace ? contextNamespace : "default";
    }
}
