using System.CommandLine;

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
        return root;
    }
}
