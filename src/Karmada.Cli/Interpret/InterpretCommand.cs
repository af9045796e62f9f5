using System.CommandLine;
using Karmada.Api;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Cli.Manifests;
using Karmada.Interpreter;

namespace Karmada.Cli.Interpret;

/// <summary>
/// <c>karmadactl interpret -f MANIFEST --operation OP [--desired-replica N] [--observed-file F] [--status-file F...]</c>:
/// the built-in resource interpreter run offline, results printed as YAML.
/// </summary>
public static class InterpretCommand
{
    public static Command Build(TimeProvider timeProvider)
    {
        var file = new Option<string?>("--filename", "-f") { Description = "Manifest of the (desired) object to interpret." };
        var operation = new Option<string>("--operation") { Description = $"One of: {string.Join(", ", InterpretRunner.Operations.Select(InterpretRunner.Name))}.", Required = true };
        var desiredReplica = new Option<long>("--desired-replica") { Description = "Replicas for reviseReplica." };
        var observedFile = new Option<string?>("--observed-file") { Description = "The object as observed in a member (retain; or the object to interpret)." };
        var statusFile = new Option<string[]>("--status-file") { Description = "AggregatedStatusItems (clusterName, status, applied, health) for aggregateStatus; repeatable, multi-document." };
        var command = new Command("interpret", "Run the built-in resource interpreter on a manifest, offline.") { file, operation, desiredReplica, observedFile, statusFile };
        command.SetAction((parse, cancellationToken) => GlobalOptions.RunAsync(async () =>
        {
            var op = InterpretRunner.ParseOperation(parse.GetValue(operation)!);
            var desired = parse.GetValue(file) is { } desiredPath ? Single(await ManifestReader.ReadFilesAsync([desiredPath], cancellationToken), desiredPath) : null;
            var observed = parse.GetValue(observedFile) is { } observedPath ? Single(await ManifestReader.ReadFilesAsync([observedPath], cancellationToken), observedPath) : null;
            var statusNodes = await ManifestReader.ReadFilesAsync(parse.GetValue(statusFile) ?? [], cancellationToken);
            List<AggregatedStatusItem> status;
            try
            {
                status = [.. statusNodes.Select(KarmadaJson.Deserialize<AggregatedStatusItem>)];
            }
            catch (System.Text.Json.JsonException ex)
            {
                throw new CliException($"--status-file holds something that is not an AggregatedStatusItem: {ex.Message}", ex);
            }

            var results = InterpretRunner.Run(ResourceInterpreter.CreateDefault(timeProvider), op, new InterpretInputs(desired, observed, status, parse.GetValue(desiredReplica)));
            await Console.Out.WriteAsync(InterpretRunner.Render(results));
        }));
        return command;
    }

    private static System.Text.Json.Nodes.JsonObject Single(List<System.Text.Json.Nodes.JsonObject> objects, string path) => objects.Count == 1
        ? objects[0]
        : throw new CliException($"{path} must hold exactly one object; it holds {objects.Count}.");
}
