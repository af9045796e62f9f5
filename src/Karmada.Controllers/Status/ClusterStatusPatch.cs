using System.Text.Json.Nodes;
using Karmada.Api;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Controllers.Status;

/// <summary>
/// The status write of one collection round as a merge patch of only what changed among the fields the cluster status
/// controller owns (version, API enablements, conditions, node and resource summaries), guarded by the basis's
/// resourceVersion like the update it replaces (a conflict is a 409). The API server then parses a few hundred bytes
/// instead of the whole Cluster, and the controller serializes the API enablements only when they changed.
/// </summary>
internal static class ClusterStatusPatch
{
    /// <summary>The patch from <paramref name="basis"/>'s status to <paramref name="collected"/>; null when nothing changed.</summary>
    public static JsonObject? Build(ClusterV1Alpha1.Cluster basis, ClusterV1Alpha1.ClusterStatus collected)
    {
        ArgumentNullException.ThrowIfNull(basis);
        ArgumentNullException.ThrowIfNull(collected);
        var stored = basis.Status;
        var apisChanged = !ApiEnablementCollector.AreEqual(stored.ApiEnablements, collected.ApiEnablements);
        var status = MergePatchDiff.Create(Owned(stored, withApis: false), Owned(collected, withApis: apisChanged));
        if (apisChanged && collected.ApiEnablements.Count == 0)
        {
            status["apiEnablements"] = null;
        }

        if (status.Count == 0)
        {
            return null;
        }

        return new JsonObject
        {
            ["metadata"] = new JsonObject { ["resourceVersion"] = basis.Metadata.ResourceVersion },
            ["status"] = status,
        };
    }

    /// <summary>The owned fields as JSON; the API enablements (the bulk of a Cluster) only when they are to be written.</summary>
    private static JsonObject Owned(ClusterV1Alpha1.ClusterStatus status, bool withApis) =>
        (JsonObject)KarmadaJson.SerializeToNode(new ClusterV1Alpha1.ClusterStatus
        {
            KubernetesVersion = status.KubernetesVersion,
            ApiEnablements = withApis ? status.ApiEnablements : [],
            Conditions = status.Conditions,
            NodeSummary = status.NodeSummary,
            ResourceSummary = status.ResourceSummary,
        })!;
}
