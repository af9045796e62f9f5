using System.CommandLine;
using System.Globalization;
using Karmada.Controllers.Runtime;
using Karmada.Security.Authentication;

namespace Karmada.Cli;

/// <summary>
/// <c>karmadactl token create|list|delete</c> (upstream <c>pkg/karmadactl/token</c>, kubeadm's token commands): bootstrap
/// tokens with which <c>karmadactl register</c> authenticates to the control plane.
/// </summary>
public static class TokenCommand
{
    private static readonly string[] ListHeader = ["TOKEN", "TTL", "EXPIRES", "USAGES", "DESCRIPTION", "EXTRA GROUPS"];

    public static Command Build(GlobalOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var command = new Command("token", "Manage bootstrap tokens for Pull-mode registration.");
        command.Subcommands.Add(BuildCreate(options, timeProvider));
        command.Subcommands.Add(BuildList(options, timeProvider));
        command.Subcommands.Add(BuildDelete(options));
        return command;
    }

    /// <summary>The register command line a token and the control plane's CA give.</summary>
    public static string RegisterCommandLine(string server, string token, string caCertHash) =>
        $"karmadactl register {new Uri(server).Authority} --token {token} --discovery-token-ca-cert-hash {caCertHash}";

    private static Command BuildCreate(GlobalOptions options, TimeProvider timeProvider)
    {
        var token = new Argument<string?>("token") { Description = "The token to create (id.secret); generated when omitted.", Arity = ArgumentArity.ZeroOrOne };
        var ttl = new Option<string>("--ttl") { Description = "How long the token is valid; 0 means forever.", DefaultValueFactory = _ => "24h" };
        var description = new Option<string>("--description") { Description = "A human description of the token.", DefaultValueFactory = _ => "" };
        var groups = new Option<string>("--groups")
        {
            Description = "Extra groups the token authenticates as, comma separated.",
            DefaultValueFactory = _ => BootstrapToken.KarmadaDefaultGroup,
        };
        var printRegister = new Option<bool>("--print-register-command") { Description = "Print the full 'karmadactl register' command line instead of only the token." };
        var command = new Command("create", "Create a bootstrap token on the control plane.") { token, ttl, description, groups, printRegister };
        command.SetAction((parse, cancellationToken) => GlobalOptions.RunAsync(async () =>
        {
            if (!GoDuration.TryParse(parse.GetValue(ttl)!, out var lifetime))
            {
                throw new CliException($"--ttl '{parse.GetValue(ttl)}' is not a duration; use e.g. 24h or 30m.");
            }

            var (configuration, controlPlane) = await ConnectAsync(options, parse, cancellationToken);
            using (controlPlane)
            {
                var extraGroups = parse.GetValue(groups)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var created = await BootstrapTokenSecrets.CreateAsync(controlPlane, parse.GetValue(token), lifetime, parse.GetValue(description)!, extraGroups, timeProvider.GetUtcNow(), cancellationToken);
                if (!parse.GetValue(printRegister))
                {
                    await Console.Out.WriteLineAsync(created);
                    return;
                }

                if (configuration.SslCaCerts is not { Count: > 0 } caCerts)
                {
                    throw new CliException("The control plane kubeconfig has no certificate-authority data, so no --discovery-token-ca-cert-hash can be printed.");
                }

                await Console.Out.WriteLineAsync(RegisterCommandLine(configuration.Host, created, BootstrapToken.CaCertHash(caCerts[0])));
            }
        }));
        return command;
    }

    private static Command BuildList(GlobalOptions options, TimeProvider timeProvider)
    {
        var command = new Command("list", "List the bootstrap tokens on the control plane.");
        command.SetAction((parse, cancellationToken) => GlobalOptions.RunAsync(async () =>
        {
            using var controlPlane = await options.ConnectAsync(parse, cancellationToken);
            var entries = await BootstrapTokenSecrets.ListAsync(controlPlane, cancellationToken);
            var now = timeProvider.GetUtcNow();
            var rows = new List<string[]> { ListHeader };
            rows.AddRange(entries.Select(e => new[]
            {
                e.Token,
                e.Expires is { } expires ? (expires <= now ? "<invalid>" : Ttl(expires - now)) : "<forever>",
                e.Expires?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "<never>",
                string.Join(",", e.Usages),
                e.Description.Length == 0 ? "<none>" : e.Description,
                e.ExtraGroups,
            }));
            var widths = Enumerable.Range(0, 6).Select(i => rows.Max(r => r[i].Length)).ToArray();
            foreach (var row in rows)
            {
                await Console.Out.WriteLineAsync(string.Join("   ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
            }
        }));
        return command;
    }

    private static Command BuildDelete(GlobalOptions options)
    {
        var tokens = new Argument<string[]>("token") { Description = "Tokens (id.secret) or token ids to delete.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("delete", "Delete bootstrap tokens from the control plane.") { tokens };
        command.SetAction((parse, cancellationToken) => GlobalOptions.RunAsync(async () =>
        {
            using var controlPlane = await options.ConnectAsync(parse, cancellationToken);
            foreach (var token in parse.GetValue(tokens)!)
            {
                await BootstrapTokenSecrets.DeleteAsync(controlPlane, token, cancellationToken);
                await Console.Out.WriteLineAsync($"bootstrap token \"{token.Split('.')[0]}\" deleted");
            }
        }));
        return command;
    }

    private static async Task<(k8s.KubernetesClientConfiguration Configuration, Client.KubeApiClient Client)> ConnectAsync(GlobalOptions options, ParseResult parse, CancellationToken cancellationToken)
    {
        var path = KubeClients.ResolveKubeconfig(parse.GetValue(options.Kubeconfig));
        var configuration = await KubeClients.LoadAsync(path, parse.GetValue(options.KarmadaContext), "Karmada control plane", "--kubeconfig");
        return (configuration, await KubeClients.ConnectAsync(configuration, "Karmada control plane", "--kubeconfig", cancellationToken));
    }

    private static string Ttl(TimeSpan left) =>
        left.TotalHours >= 1 ? $"{(int)left.TotalHours}h" : left.TotalMinutes >= 1 ? $"{(int)left.TotalMinutes}m" : $"{(int)left.TotalSeconds}s";
}
