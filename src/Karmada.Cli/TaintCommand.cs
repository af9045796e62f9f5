using System.CommandLine;

namespace Karmada.Cli;

/// <summary><c>karmadactl taint NAME key=value:Effect[-]... [--overwrite]</c>.</summary>
public static class TaintCommand
{
    public static Command Build(GlobalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var name = new Argument<string>("name") { Description = "Name of the member cluster." };
        var taints = new Argument<string[]>("taints") { Description = "key=value:Effect to add, key:Effect- or key- to remove.", Arity = ArgumentArity.OneOrMore };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace the value of a taint that exists with the same key and effect." };
        var command = new Command("taint", "Update the taints on a member cluster.") { name, taints, overwrite };
        command.SetAction((parse, cancellationToken) => GlobalOptions.RunAsync(async () =>
        {
            var clusterName = parse.GetValue(name)!;
            var specs = parse.GetValue(taints)!.Select(TaintSpec.Parse).ToList();
            using var controlPlane = await options.ConnectAsync(parse, cancellationToken);
            var message = await ClusterTaintEditor.EditAsync(
                controlPlane,
                clusterName,
                list => string.Join(", ", specs.Select(s => s.ApplyTo(list, parse.GetValue(overwrite)))),
                cancellationToken);
            await Console.Out.WriteLineAsync($"cluster/{clusterName} {message}");
        }));
        return command;
    }
}
