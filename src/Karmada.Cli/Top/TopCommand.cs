using System.CommandLine;
using Karmada.Cli.Members;
using Karmada.Cli.Output;

namespace Karmada.Cli.Top;

/// <summary><c>karmadactl top cluster [NAME]</c>: CPU and memory of the member clusters from their resource summaries.</summary>
public static class TopCommand
{
    public static Command Build(GlobalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var name = new Argument<string?>("name") { Description = "Name of one cluster (default: all).", Arity = ArgumentArity.ZeroOrOne };
        var cluster = new Command("cluster", "Display CPU and memory allocated on the member clusters.") { name };
        cluster.SetAction((parse, cancellationToken) => GlobalOptions.RunAsync(async () =>
        {
            using var controlPlane = await options.ConnectAsync(parse, cancellationToken);
            var clusters = await MemberClusters.ListAsync(controlPlane, cancellationToken);
            if (parse.GetValue(name) is { } only)
            {
                clusters = clusters.Where(c => c.Metadata.Name == only).ToList();
                if (clusters.Count == 0)
                {
                    throw new CliException($"cluster({only}) does not exist; 'kubectl get clusters' lists the joined clusters.");
                }
            }

            if (clusters.Count == 0)
            {
                await Console.Error.WriteLineAsync("No clusters found; join one with 'karmadactl join'.");
                return;
            }

            await Console.Out.WriteAsync(TableWriter.Format(ClusterUsage.Headers, ClusterUsage.Rows(clusters)));
        }));
        return new Command("top", "Display resource (CPU/memory) usage.") { cluster };
    }
}
