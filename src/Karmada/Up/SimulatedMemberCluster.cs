using System.Text.Json.Nodes;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Host.Up;

/// <summary>
/// The Cluster fields <c>karmada up</c> owns for one of its simulated members: where it is reached, and its
/// provider/region/zones. Everything else on the Cluster (taints, resource models, status) is left to users and
/// controllers.
/// </summary>
public sealed record SimulatedMemberCluster(string Name, string ApiEndpoint, string Provider, string Region, IReadOnlyList<string> Zones)
{
    public static SimulatedMemberCluster From(SimulatedMemberPlan plan, string apiEndpoint)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new SimulatedMemberCluster(plan.Name, apiEndpoint, plan.Provider, plan.Region, plan.Zones);
    }

    /// <summary>
    /// A JSON merge patch that brings <paramref name="current"/>'s owned fields to these values, or null when they
    /// already match (so a restart with nothing changed writes nothing).
    /// </summary>
    public JsonObject? SpecPatch(ClusterV1Alpha1.Cluster current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var spec = new JsonObject();
        if (!string.Equals(current.Spec.ApiEndpoint, ApiEndpoint, StringComparison.Ordinal))
        {
            spec["apiEndpoint"] = ApiEndpoint;
        }

        if (!string.Equals(current.Spec.Provider, Provider, StringComparison.Ordinal))
        {
            spec["provider"] = Provider;
        }

        if (!string.Equals(current.Spec.Region, Region, StringComparison.Ordinal))
        {
            spec["region"] = Region;
        }

        if (!current.Spec.Zones.SequenceEqual(Zones, StringComparer.Ordinal))
        {
            spec["zones"] = new JsonArray([.. Zones.Select(z => (JsonNode?)JsonValue.Create(z))]);
        }

        return spec.Count == 0 ? null : new JsonObject { ["spec"] = spec };
    }

    /// <summary>
    /// Whether an existing Cluster of this name may be taken over as this simulated member: a Push cluster reached on
    /// the same host (the simulators listen on loopback), not a real cluster a user happened to join under this name.
    /// </summary>
    public bool CanAdopt(ClusterV1Alpha1.Cluster existing, out string reason)
    {
        ArgumentNullException.ThrowIfNull(existing);
        if (existing.Spec.SyncMode != ClusterV1Alpha1.ClusterSyncMode.Push)
        {
            reason = $"Cluster '{Name}' already exists in {existing.Spec.SyncMode} mode";
            return false;
        }

        if (!SameHost(existing.Spec.ApiEndpoint, ApiEndpoint))
        {
            reason = $"Cluster '{Name}' already exists with apiEndpoint {existing.Spec.ApiEndpoint}, which is not a simulated member of this karmada up";
            return false;
        }

        reason = "";
        return true;
    }

    private static bool SameHost(string? existing, string ours) =>
        Uri.TryCreate(existing, UriKind.Absolute, out var a)
        && Uri.TryCreate(ours, UriKind.Absolute, out var b)
        && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase);
}
