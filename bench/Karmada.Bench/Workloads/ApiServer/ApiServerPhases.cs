namespace Karmada.Bench.Workloads.ApiServer;

/// <summary>Names of the measured API phases (table rows and JSON lookups, together with the concurrency).</summary>
public static class ApiServerPhases
{
    public const string Create = "api create";
    public const string Get = "api get";
    public const string Update = "api update";
    public const string StatusUpdate = "api status update";
    public const string MergePatch = "api merge patch";
    public const string List1k = "api list 1k";
    public const string List10k = "api list 10k";
}
