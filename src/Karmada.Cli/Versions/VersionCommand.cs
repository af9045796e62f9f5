using System.CommandLine;
using System.Text.Json.Nodes;
using Karmada.Cli.Output;
using Karmada.Client;

namespace Karmada.Cli.Versions;

/// <summary><c>karmadactl version [--client] [-o yaml|json]</c>: karmadactl's version and the control plane's <c>/version</c>.</summary>
public static class VersionCommand
{
    private static readonly OutputFormat[] Formats = [OutputFormat.Yaml, OutputFormat.Json];

    public static Command Build(GlobalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOnly = new Option<bool>("--client") { Description = "Print the client version only (no server needed)." };
        var output = OutputFormats.CreateOption(Formats);
        var command = new Command("version", "Print the client and server version information.") { clientOnly, output };
        command.SetAction((parse, cancellationToken) => GlobalOptions.RunAsync(async () =>
        {
            var format = OutputFormats.Parse(parse.GetValue(output), Formats);
            var result = new JsonObject { ["clientVersion"] = ClientVersion.Info() };
            if (!parse.GetValue(clientOnly))
            {
                using var controlPlane = await options.ConnectAsync(parse, cancellationToken);
                result["serverVersion"] = await controlPlane.GetRawAsync("/version", JsonObjectMeta.TypeInfo, cancellationToken);
            }

            await Console.Out.WriteAsync(Render(result, format));
        }));
        return command;
    }

    /// <summary>kubectl's layout: <c>Client Version: v…</c> and <c>Server Version: v…</c> lines, or the whole document.</summary>
    public static string Render(JsonObject versions, OutputFormat format)
    {
        ArgumentNullException.ThrowIfNull(versions);
        if (format is OutputFormat.Yaml or OutputFormat.Json)
        {
            return ObjectPrinter.Print(versions, format);
        }

        var text = $"Client Version: {(string?)versions["clientVersion"]?["gitVersion"]}\n";
        if (versions["serverVersion"] is JsonObject server)
        {
            text += $"Server Version: {(string?)server["gitVersion"]}\n";
        }

        return text;
    }
}
