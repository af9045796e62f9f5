using System.CommandLine;
using Karmada.Client;

namespace Karmada.Cli;

/// <summary><c>karmadactl unjoin NAME [--wait 60s]</c>: deletes the Cluster and waits until it is gone.</summary>
public static class UnjoinCommand
{
    public static Command Build(GlobalOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        var name = new Argument<string>("name") { Description = "Name of the member cluster." };
        var wait = new Option<int>("--wait") { Description = "Seconds to wait for the cluster's removal (its execution namespace is cleaned up first).", DefaultValueFactory = _ => 60 };
        var command = new Command("unjoin", "Remove a member cluster registered in Push mode.") { name, wait };
        command.SetAction((parse, cancellationToken) => GlobalOptions.RunAsync(async () =>
        {
            var clusterName = parse.GetValue(name)!;
            using var controlPlane = await options.ConnectAsync(parse, cancellationToken);
            try
            {
                await controlPlane.DeleteAsync(ClusterResources.Clusters, null, clusterName, cancellationToken: cancellationToken);
            }
            catch (ApiException ex) when (ex.IsNotFound())
            {
                throw new CliException($"Cluster '{clusterName}' is not joined.", ex);
            }

            var deadline = timeProvider.GetUtcNow().AddSeconds(parse.GetValue(wait));
            while (true)
            {
                try
                {
                    await controlPlane.GetAsync(ClusterResources.Clusters, null, clusterName, cancellationToken);
                }
                catch (ApiException ex) when (ex.IsNotFound())
                {
                    break;
                }

                if (timeProvider.GetUtcNow() > deadline)
                {
                    throw new CliException($"Cluster '{clusterName}' is still being removed after {parse.GetValue(wait)}s; is karmada controller-manager running? Raise --wait to wait longer.");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(250), timeProvider, cancellationToken);
            }

            await Console.Out.WriteLineAsync($"cluster({clusterName}) is unjoined successfully");
        }));
        return command;
    }
}
