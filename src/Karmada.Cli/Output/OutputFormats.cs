using System.CommandLine;

namespace Karmada.Cli.Output;

/// <summary>The <c>-o/--output</c> option and its parsing.</summary>
public static class OutputFormats
{
    /// <summary>An <c>-o</c> option accepting <paramref name="allowed"/> (the table is the default).</summary>
    public static Option<string?> CreateOption(params OutputFormat[] allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        var names = string.Join("|", allowed.Select(Name));
        return new Option<string?>("--output", "-o") { Description = $"Output format: {names} (default: a table)." };
    }

    /// <summary>Parses an <c>-o</c> value; null or empty is the table.</summary>
    public static OutputFormat Parse(string? value, params OutputFormat[] allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        if (string.IsNullOrEmpty(value))
        {
            return OutputFormat.Table;
        }

        foreach (var format in allowed)
        {
            if (string.Equals(Name(format), value, StringComparison.Ordinal))
            {
                return format;
            }
        }

        throw new CliException($"Output format '{value}' is not supported here; use one of: {string.Join(", ", allowed.Select(Name))}.");
    }

    public static string Name(OutputFormat format) => format switch
    {
        OutputFormat.Wide => "wide",
        OutputFormat.Yaml => "yaml",
        OutputFormat.Json => "json",
        _ => "table",
    };
}
