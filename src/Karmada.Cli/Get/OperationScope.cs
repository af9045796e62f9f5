using System.CommandLine;

namespace Karmada.Cli.Get;

/// <summary>
/// Where <c>karmadactl get</c> looks (upstream's <c>--operation-scope</c>): the control plane (default), the member
/// clusters, or both.
/// </summary>
public enum OperationScope
{
    Karmada,
    Members,
    All,
}

/// <summary>The <c>--operation-scope/-s</c> option of <c>karmadactl get</c>.</summary>
public static class OperationScopeOption
{
    /// <summary>The CLUSTER column's value for objects of the control plane (upstream prints <c>Karmada</c>).</summary>
    public const string ControlPlaneCluster = "Karmada";

    public static Option<string> Create() => new("--operation-scope", "-s")
    {
        Description = "Where to look: karmada (the control plane), members (the member clusters, narrowed by --clusters) or all (both).",
        DefaultValueFactory = _ => "karmada",
    };

    public static OperationScope Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "karmada" => OperationScope.Karmada,
        "members" => OperationScope.Members,
        "all" => OperationScope.All,
        _ => throw new CliException($"--operation-scope '{value}' is not one of karmada, members, all."),
    };

    public static bool IncludesControlPlane(this OperationScope scope) => scope is OperationScope.Karmada or OperationScope.All;

    public static bool IncludesMembers(this OperationScope scope) => scope is OperationScope.Members or OperationScope.All;
}
