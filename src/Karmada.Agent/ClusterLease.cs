using System.Text.Json.Nodes;
using Karmada.Api.WellKnown;
using Karmada.Client;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Agent;

/// <summary>
/// The heartbeat Lease of a Pull cluster (upstream's cluster lease): <c>karmada-cluster/&lt;cluster&gt;</c>, held by the
/// cluster, owned by the Cluster object so it goes with it. The control plane's cluster controller reads its
/// <c>renewTime</c> to tell a live agent from a silent one.
/// </summary>
public static class ClusterLease
{
    /// <summary>A new Lease for <paramref name="clusterName"/>, renewed at <paramref name="now"/>.</summary>
    public static JsonObject Create(string clusterName, string? clusterUid, TimeSpan duration, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(clusterName);
        var metadata = new JsonObject { ["name"] = clusterName, ["namespace"] = ReservedNamespaces.KarmadaCluster };
        if (!string.IsNullOrEmpty(clusterUid))
        {
            metadata["ownerReferences"] = new JsonArray(new JsonObject
            {
                ["apiVersion"] = ClusterV1Alpha1.Cluster.KubeApiVersion,
                ["kind"] = ClusterV1Alpha1.Cluster.KubeKind,
                ["name"] = clusterName,
                ["uid"] = clusterUid,
            });
        }

        return new JsonObject
        {
            ["apiVersion"] = "coordination.k8s.io/v1",
            ["kind"] = "Lease",
            ["metadata"] = metadata,
            ["spec"] = new JsonObject
            {
                ["holderIdentity"] = clusterName,
                ["leaseDurationSeconds"] = (int)Math.Ceiling(duration.TotalSeconds),
                ["renewTime"] = MicroTime.ToString(now),
            },
        };
    }

    /// <summary>A copy of <paramref name="lease"/> renewed at <paramref name="now"/> (holder and duration reset to ours).</summary>
    public static JsonObject Renew(JsonObject lease, string clusterName, TimeSpan duration, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var renewed = (JsonObject)lease.DeepClone();
        if (renewed["spec"] is not JsonObject spec)
        {
            spec = [];
            renewed["spec"] = spec;
        }

        spec["holderIdentity"] = clusterName;
        spec["leaseDurationSeconds"] = (int)Math.Ceiling(duration.TotalSeconds);
        spec["renewTime"] = MicroTime.ToString(now);
        return renewed;
    }

    /// <summary>The Lease's renewTime, or null.</summary>
    public static DateTimeOffset? RenewTime(JsonObject lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return lease["spec"]?["renewTime"] is JsonValue value && value.TryGetValue<string>(out var text) && MicroTime.TryParse(text, out var time)
            ? time
            : null;
    }
}
