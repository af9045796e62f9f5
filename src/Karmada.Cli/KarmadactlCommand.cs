using System.CommandLine;
using Karmada.Cli.Apply;
using Karmada.Cli.Completion;
using Karmada.Cli.Describe;
using Karmada.Cli.Get;
using Karmada.Cli.Interpret;
using Karmada.Cli.Promote;
using Karmada.Cli.Simulate;
using Karmada.Cli.Top;
using Karmada.Cli.Versions;

namespace Karmada.Cli;

/// <summary>The <c>karmadactl</c> root command.</summary>
public static class KarmadactlCommand
{
    public static RootCommand Build(TimeProvider timeProvider)
    {
        var options = new GlobalOptions();
        var root = new RootCommand("karmadactl controls a Karmada.NET control plane.")
        {
            options.Kubeconfig,
            options.KarmadaContext,
        };
        root.Subcommands.Add(JoinCommand.Build(options));
        root.Subcommands.Add(UnjoinCommand.Build(options, timeProvider));
        root.Subcommands.Add(CordonCommand.Build(options, cordon: true));
        root.Subcommands.Add(CordonCommand.Build(options, cordon: false));
        root.Subcommands.Add(TaintCommand.Build(options));
        root.Subcommands.Add(TokenCommand.Build(options, timeProvider));
        root.Subcommands.Add(RegisterCommand.Build(timeProvider));
        root.Subcommands.Add(GetCommand.Build(options));
        root.Subcommands.Add(DescribeCommand.Build(options, timeProvider));
        root.Subcommands.Add(ApplyCommand.Build(options));
        root.Subcommands.Add(PromoteCommand.Build(options));
        root.Subcommands.Add(InterpretCommand.Build(timeProvider));
        root.Subcommands.Add(SimulateCommand.Build(options, timeProvider));
        root.Subcommands.Add(TopCommand.Build(options));
        root.Subcommands.Add(VersionCommand.Build(options));
        root.Subcommands.Add(CompletionCommand.Build(() => root));
        return root;
    }
}
