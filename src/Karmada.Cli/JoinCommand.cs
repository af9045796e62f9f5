using System.CommandLine;

namespace Karmada.Cli;

/// <summary><c>karmadactl join NAME --cluster-kubeconfig FILE [--cluster-context CTX]</c>.</summary>
public static class JoinCommand
{
    public static Command Build(GlobalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var name = new Argument<string>("name") { Description = "Name of the member cluster in Karmada." };
        var clusterKubeconfig = new Option<string>("--cluster-kubeconfig") { Description = "Kubeconfig of the member cluster.", Required = true };
        var clusterContext = new Option<string?>("--cluster-context") { Description = "Context of the member in its kubeconfig (default: the current context)." };
        var command = new Command("join", "Register a member cluster in Push mode.") { name, clusterKubeconfig, clusterContext };
        command.SetAction((parse, cancellationToken) => GlobalOptions.RunAsync(async () =>
        {
            var clusterName = parse.GetValue(name)!;
            ClusterJoiner.ValidateName(clusterName);
            var memberConfiguration = await KubeClients.LoadAsync(parse.GetValue(clusterKubeconfig)!, parse.GetValue(clusterContext), "member cluster", "--cluster-kubeconfig");
            using var controlPlane = await options.ConnectAsync(parse, cancellationToken);
            using var member = await KubeClients.ConnectAsync(memberConfiguration, "member cluster", "--cluster-kubeconfig", cancellationToken);
            await ClusterJoiner.JoinAsync(controlPlane, clusterName, memberConfiguration, member, cancellationToken);
            await Console.Out.WriteLineAsync($"cluster({clusterName}) is joined successfully");
        }));
        return command;
    }
}
