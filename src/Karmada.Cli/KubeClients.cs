using k8s;
using k8s.Exceptions;
using Karmada.Client;

namespace Karmada.Cli;

/// <summary>Loads kubeconfigs and checks that the server behind them answers, with errors that say what to fix.</summary>
public static class KubeClients
{
    /// <summary>The kubeconfig path: the flag, else <c>$KUBECONFIG</c> (first entry), else <c>~/.kube/config</c>.</summary>
    public static string ResolveKubeconfig(string? flag)
    {
        if (!string.IsNullOrEmpty(flag))
        {
            return flag;
        }

        var fromEnvironment = Environment.GetEnvironmentVariable("KUBECONFIG")?.Split(':', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return fromEnvironment ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");
    }

    /// <summary>Loads a kubeconfig; <paramref name="what"/> and <paramref name="flag"/> name it in errors.</summary>
    public static async Task<KubernetesClientConfiguration> LoadAsync(string path, string? context, string what, string flag)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"The {what} kubeconfig '{path}' does not exist; pass it with {flag}.");
        }

        try
        {
            return await KubernetesClientConfiguration.BuildConfigFromConfigFileAsync(new FileInfo(path), context);
        }
        catch (KubeConfigException ex)
        {
            throw new CliException($"The {what} kubeconfig '{path}' cannot be used{(context is null ? "" : $" with context '{context}'")}: {ex.Message}", ex);
        }
    }

    /// <summary>A client for <paramref name="configuration"/> whose server answered <c>/version</c>.</summary>
    public static async Task<KubeApiClient> ConnectAsync(KubernetesClientConfiguration configuration, string what, string flag, CancellationToken cancellationToken)
    {
        var client = new KubeApiClient(configuration, new KubeApiClientOptions { RequestTimeout = TimeSpan.FromSeconds(15), UserAgent = "karmadactl" });
        try
        {
            await client.GetRawAsync("/version", cancellationToken);
            return client;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TimeoutException or ApiException)
        {
            client.Dispose();
            throw new CliException($"Cannot reach the {what} at {configuration.Host}: {ex.Message}. Check that it is running and that {flag} points at it.", ex);
        }
    }
}
