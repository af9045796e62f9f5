using System.CommandLine;
using Karmada.Security.Kubeconfigs;

namespace Karmada.Cli;

/// <summary>
/// <c>karmadactl register CONTROL_PLANE --token T --discovery-token-ca-cert-hash sha256:H --cluster-name NAME
/// --cluster-kubeconfig FILE</c> (upstream <c>pkg/karmadactl/register</c>): Pull-mode registration. Pins the control
/// plane's CA, trades the bootstrap token for the agent's own credential, writes the agent's kubeconfig and prints the
/// <c>karmada agent</c> command that registers the Cluster and serves it.
/// </summary>
public static class RegisterCommand
{
    public static Command Build(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        var endpoint = new Argument<string>("endpoint") { Description = "The control plane's API server: host:port or https://host:port." };
        var token = new Option<string>("--token") { Description = "Bootstrap token from 'karmadactl token create'.", Required = true };
        var caCertHash = new Option<string[]>("--discovery-token-ca-cert-hash") { Description = "sha256:<hex> of the control plane CA's public key; may repeat.", AllowMultipleArgumentsPerToken = false };
        var unsafeSkip = new Option<bool>("--discovery-token-unsafe-skip-ca-verification") { Description = "Trust the CA the endpoint presents without pinning it (unsafe)." };
        var clusterName = new Option<string>("--cluster-name") { Description = "Name of the member cluster in Karmada.", Required = true };
        var clusterKubeconfig = new Option<string>("--cluster-kubeconfig") { Description = "Kubeconfig of the member cluster the agent will run beside.", Required = true };
        var clusterContext = new Option<string?>("--cluster-context") { Description = "Context in --cluster-kubeconfig (default: its current context)." };
        var output = new Option<string?>("--karmada-agent-kubeconfig") { Description = "Where to write the agent's control plane kubeconfig (default: ./karmada-agent-NAME.config)." };
        var command = new Command("register", "Register a member cluster in Pull mode with a bootstrap token.")
        {
            endpoint, token, caCertHash, unsafeSkip, clusterName, clusterKubeconfig, clusterContext, output,
        };
        command.SetAction((parse, cancellationToken) => GlobalOptions.RunAsync(async () =>
        {
            var name = parse.GetValue(clusterName)!;
            ClusterJoiner.ValidateName(name);
            var memberPath = parse.GetValue(clusterKubeconfig)!;
            var memberConfiguration = await KubeClients.LoadAsync(memberPath, parse.GetValue(clusterContext), "member cluster", "--cluster-kubeconfig");
            using (await KubeClients.ConnectAsync(memberConfiguration, "member cluster", "--cluster-kubeconfig", cancellationToken))
            {
                // Reachable: the agent will be able to serve it.
            }

            var server = PullClusterRegistrar.ServerUrl(parse.GetValue(endpoint)!);
            var caPem = await PullClusterRegistrar.DiscoverCaAsync(server, parse.GetValue(caCertHash) ?? [], parse.GetValue(unsafeSkip), cancellationToken);
            var kubeconfig = await PullClusterRegistrar.ObtainAgentKubeconfigAsync(server, caPem, parse.GetValue(token)!, name, timeProvider.GetUtcNow(), cancellationToken);
            var path = Path.GetFullPath(parse.GetValue(output) ?? $"karmada-agent-{name}.config");
            await KubeconfigWriter.WriteAsync(path, kubeconfig, cancellationToken);
            await Console.Out.WriteLineAsync($"cluster({name}) credentials for the karmada agent written to {path}");
            await Console.Out.WriteLineAsync("start the agent beside the member cluster with:");
            await Console.Out.WriteLineAsync($"  karmada agent --karmada-kubeconfig {path} --cluster-name {name} --cluster-kubeconfig {Path.GetFullPath(memberPath)}");
        }));
        return command;
    }
}
