using System.CommandLine;
using System.Text;

namespace Karmada.Cli.Completion;

/// <summary>
/// A static shell completion script generated from the command tree: subcommands and options at every level (the
/// root's recursive options everywhere). zsh loads the same function through <c>bashcompinit</c>.
/// </summary>
public static class CompletionScript
{
    /// <param name="root">The root command.</param>
    /// <param name="name">The program name completed (the root command's name is the host process's).</param>
    public static string Bash(Command root, string name)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var levels = new List<(string Path, Command Command)>();
        Collect(root, "", levels);
        var recursive = root.Options.Where(o => o.Recursive).SelectMany(Names).ToList();
        var function = "_" + name.Replace('-', '_');
        var text = new StringBuilder();
        text.Append("# ").Append(name).Append(" completion; load with: source <(").Append(name).Append(" completion bash)\n");
        text.Append(function).Append("() {\n");
        text.Append("    local cur=\"${COMP_WORDS[COMP_CWORD]}\" path=\"\" i\n");
        text.Append("    for ((i=1; i<COMP_CWORD; i++)); do\n");
        text.Append("        case \"${path}/${COMP_WORDS[i]}\" in\n");
        var transitions = levels.Where(l => l.Path.Length > 0).Select(l => Transition(l.Path)).ToList();
        text.Append("            ").Append(string.Join("|", transitions)).Append(") path=\"${path:+${path}/}${COMP_WORDS[i]}\" ;;\n");
        text.Append("        esac\n");
        text.Append("    done\n");
        text.Append("    local words=\"\"\n");
        text.Append("    case \"$path\" in\n");
        foreach (var (path, command) in levels)
        {
            var words = command.Subcommands.Select(c => c.Name)
                .Concat(command.Options.Where(o => !o.Hidden).SelectMany(Names))
                .Concat(recursive)
                .Append("--help")
                .Distinct(StringComparer.Ordinal);
            text.Append("        \"").Append(path).Append("\") words=\"").Append(string.Join(' ', words)).Append("\" ;;\n");
        }

        text.Append("    esac\n");
        text.Append("    COMPREPLY=( $(compgen -W \"$words\" -- \"$cur\") )\n");
        text.Append("}\n");
        text.Append("complete -o default -F ").Append(function).Append(' ').Append(name).Append('\n');
        return text.ToString();
    }

    public static string Zsh(Command root, string name) =>
        "#compdef " + name + "\nautoload -U +X bashcompinit && bashcompinit\n" + Bash(root, name);

    // "top/cluster" is reached from path "top" by the word "cluster": the case pattern is the full path, "/join" at the root.
    private static string Transition(string path) => path.Contains('/', StringComparison.Ordinal) ? path : "/" + path;

    private static void Collect(Command command, string path, List<(string, Command)> levels)
    {
        levels.Add((path, command));
        foreach (var sub in command.Subcommands.Where(c => !c.Hidden))
        {
            Collect(sub, path.Length == 0 ? sub.Name : $"{path}/{sub.Name}", levels);
        }
    }

    private static IEnumerable<string> Names(Option option) =>
        [option.Name, .. option.Aliases.Where(a => a.StartsWith("--", StringComparison.Ordinal))];
}
