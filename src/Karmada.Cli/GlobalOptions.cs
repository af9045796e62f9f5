using System.CommandLine;
using Karmada.Client;

namespace Karmada.Cli;

/// <summary>The options every command takes, and running a command with user-facing errors.</summary>
public sealed class GlobalOptions
{
    public Option<string?> Kubeconfig { get; } = new("--kubeconfig")
    {
        Description = "Kubeconfig of the Karmada control plane (default: $KUBECONFIG or ~/.kube/config).",
        Recursive = true,
    };

    public Option<string?> KarmadaContext { get; } = new("--karmada-context")
    {
        Description = "Context of the control plane in the kubeconfig (default: the current context).",
        Recursive = true,
    };

    /// <summary>Connects to the control plane named by the options.</summary>
    public async Task<KubeApiClient> ConnectAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var path = KubeClients.ResolveKubeconfig(parse.GetValue(Kubeconfig));
        var configuration = await KubeClients.LoadAsync(path, parse.GetValue(KarmadaContext), "Karmada control plane", "--kubeconfig");
        return await KubeClients.ConnectAsync(configuration, "Karmada control plane", "--kubeconfig", cancellationToken);
    }

    /// <summary>Runs a command body: user errors print one line and exit 1.</summary>
    public static async Task<int> RunAsync(Func<Task> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            await body();
            return 0;
        }
        catch (CliException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return 1;
        }
        catch (ApiException ex)
        {
            await Console.Error.WriteLineAsync($"error: the API server refused the request: {ex.Message}");
            return 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or IOException)
        {
            await Console.Error.WriteLineAsync($"error: cannot reach the server: {ex.Message}");
            return 1;
        }
    }
}
