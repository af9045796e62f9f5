using System.Text.Json.Nodes;

namespace Karmada.Client.LeaderElection;

/// <summary>The leader-election fields of a Lease's spec.</summary>
internal readonly record struct LeaseRecord(
    string? HolderIdentity,
    int LeaseDurationSeconds,
    DateTimeOffset? AcquireTime,
    DateTimeOffset? RenewTime,
    int LeaseTransitions)
{
    public static LeaseRecord FromLease(JsonObject lease)
    {
        var spec = lease["spec"] as JsonObject;
        return new LeaseRecord(
            ReadString(spec, "holderIdentity"),
            ReadInt(spec, "leaseDurationSeconds"),
            ReadTime(spec, "acquireTime"),
            ReadTime(spec, "renewTime"),
            ReadInt(spec, "leaseTransitions"));
    }

    public JsonObject ToSpec()
    {
        var spec = new JsonObject
        {
            ["holderIdentity"] = HolderIdentity ?? string.Empty,
            ["leaseDurationSeconds"] = LeaseDurationSeconds,
        };
        if (AcquireTime is { } acquired)
        {
            spec["acquireTime"] = MicroTime.ToString(acquired);
        }

        if (RenewTime is { } renewed)
        {
            spec["renewTime"] = MicroTime.ToString(renewed);
        }

        spec["leaseTransitions"] = LeaseTransitions;
        return spec;
    }

    private static string? ReadString(JsonObject? spec, string name) =>
        spec?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static int ReadInt(JsonObject? spec, string name) =>
        spec?[name] is JsonValue value && value.TryGetValue<int>(out var number) ? number : 0;

    private static DateTimeOffset? ReadTime(JsonObject? spec, string name) =>
        MicroTime.TryParse(ReadString(spec, name), out var time) ? time : null;
}
