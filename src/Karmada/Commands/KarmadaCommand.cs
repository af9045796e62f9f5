using System.CommandLine;

namespace Karmada.Host.Commands;

/// <summary>The <c>karmada</c> root command: one subcommand per process.</summary>
public static class KarmadaCommand
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Karmada.NET: a multi-cluster Kubernetes control plane.");
        root.Subcommands.Add(ApiServerCommand.Build());
        root.Subcommands.Add(ControllerManagerCommand.Build());
        root.Subcommands.Add(SchedulerCommand.Build());
        root.Subcommands.Add(MemberCommand.Build());
        root.Subcommands.Add(FaultCommand.Build());
        root.Subcommands.Add(UpCommand.Build());
        root.Subcommands.Add(AgentCommand.Build());
        return root;
    }
}
