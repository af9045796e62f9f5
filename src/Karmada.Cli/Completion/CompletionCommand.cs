using System.CommandLine;

namespace Karmada.Cli.Completion;

/// <summary><c>karmadactl completion bash|zsh</c>: prints the completion script for the shell.</summary>
public static class CompletionCommand
{
    public const string ProgramName = "karmadactl";

    public static Command Build(Func<Command> root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var shell = new Argument<string>("shell") { Description = "bash or zsh." };
        shell.AcceptOnlyFromAmong("bash", "zsh");
        var command = new Command("completion", "Output the shell completion script (source <(karmadactl completion bash)).") { shell };
        command.SetAction((parse, cancellationToken) => GlobalOptions.RunAsync(async () =>
        {
            var script = parse.GetValue(shell) == "zsh" ? CompletionScript.Zsh(root(), ProgramName) : CompletionScript.Bash(root(), ProgramName);
            await Console.Out.WriteAsync(script.AsMemory(), cancellationToken);
        }));
        return command;
    }
}
