using System.CommandLine;
using Karmada.Api;
using Karmada.Cli.Manifests;
using Karmada.Cli.Members;
using Karmada.Cli.Output;
using Karmada.Interpreter;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Cli.Simulate;

/// <summary>
/// <c>karmadactl simulate -f POLICY.yaml [-f TEMPLATE.yaml] [--replicas N] [--clusters-file CLUSTERS.yaml] [-o yaml|json]</c>:
/// where the scheduler would place the templates, and why each cluster is or is not used. Writes nothing.
/// </summary>
public static class SimulateCommand
{
    private static readonly OutputFormat[] Formats = [OutputFormat.Yaml, OutputFormat.Json];

    public static Command Build(GlobalOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        var files = new Option<string[]>("--filename", "-f") { Description = "The policy and, optionally, the resource templates it propagates (repeatable).", Required = true };
        var clustersFile = new Option<string?>("--clusters-file") { Description = "Cluster objects to schedule onto, offline (default: the control plane's live Clusters)." };
        var replicas = new Option<int?>("--replicas") { Description = "Replicas to place (default: the template's, via the resource interpreter)." };
        var output = OutputFormats.CreateOption(Formats);
        var command = new Command("simulate", "Show where a PropagationPolicy would place resources, without applying anything.") { files, clustersFile, replicas, output };
        command.SetAction((parse, cancellationToken) => GlobalOptions.RunAsync(async () =>
        {
            var format = OutputFormats.Parse(parse.GetValue(output), Formats);
            var objects = await ManifestReader.ReadFilesAsync(parse.GetValue(files) ?? [], cancellationToken);
            var (policy, spec, templates) = PlacementSimulator.SplitPolicy(objects);
            if (templates.Count == 0)
            {
                templates = PlacementSimulator.TemplatesFromSelectors(policy, spec);
            }

            IReadOnlyList<ClusterV1Alpha1.Cluster> clusters;
            if (parse.GetValue(clustersFile) is { } path)
            {
                clusters = ReadClusters(await ManifestReader.ReadFilesAsync([path], cancellationToken), path);
            }
            else
            {
                using var controlPlane = await options.ConnectAsync(parse, cancellationToken);
                clusters = await MemberClusters.ListAsync(controlPlane, cancellationToken);
            }

            var interpreter = ResourceInterpreter.CreateDefault(timeProvider);
            var results = templates.Select(t => PlacementSimulator.Simulate(t, policy, spec, parse.GetValue(replicas), interpreter, clusters)).ToList();
            await Console.Out.WriteAsync(format == OutputFormat.Table
                ? SimulationPrinter.Table(results)
                : ObjectPrinter.Print(SimulationPrinter.Document(results), format));
        }));
        return command;
    }

    private static List<ClusterV1Alpha1.Cluster> ReadClusters(IEnumerable<System.Text.Json.Nodes.JsonObject> objects, string path)
    {
        try
        {
            return [.. objects.Where(o => (string?)o["kind"] == ClusterV1Alpha1.Cluster.KubeKind).Select(KarmadaJson.Deserialize<ClusterV1Alpha1.Cluster>)];
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new CliException($"{path} holds a Cluster that cannot be read: {ex.Message}", ex);
        }
    }
}
