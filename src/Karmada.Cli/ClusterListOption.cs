using System.CommandLine;

namespace Karmada.Cli;

/// <summary>The <c>--clusters/-C</c> option: member cluster names, comma-separated or repeated.</summary>
public static class ClusterListOption
{
    public static Option<string[]> Create(string name = "--clusters", string description = "Member clusters to query, comma-separated (default: every Ready cluster).") =>
        new(name, "-C") { Description = description, AllowMultipleArgumentsPerToken = false };

    public static IReadOnlyCollection<string> Parse(string[]? values) =>
        values is null ? [] : values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal).ToList();
}
