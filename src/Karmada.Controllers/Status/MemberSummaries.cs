using System.Text.Json.Nodes;
using Karmada.Client.Informers;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Controllers.Status;

/// <summary>A member's node and resource summaries put into its Cluster status; shared by the Push controller and the Pull agent.</summary>
public static class MemberSummaries
{
    /// <summary>
    /// Node and resource summaries from the member's synced node and pod informers, compared field by field with
    /// <paramref name="status"/>'s; returns whether the status changed.
    /// </summary>
    public static bool Apply(ClusterV1Alpha1.ClusterStatus status, SharedInformer<JsonObject> nodes, SharedInformer<JsonObject> pods)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(pods);
        IReadOnlyCollection<JsonObject> nodeList = nodes.Indexer.List();
        IReadOnlyCollection<JsonObject> podList = pods.Indexer.List();
        var nodeSummary = ResourceSummaryCalculator.NodeSummary(nodeList);
        var resourceSummary = ResourceSummaryCalculator.ResourceSummary(nodeList, podList);
        var changed = false;
        if (status.NodeSummary is null || !ClusterSummaryEquality.AreEqual(nodeSummary, status.NodeSummary))
        {
            status.NodeSummary = nodeSummary;
            changed = true;
        }

        // Keep what other writers (resource modeling) may have set beside the three lists.
        resourceSummary.AllocatableModelings = status.ResourceSummary?.AllocatableModelings ?? [];
        if (status.ResourceSummary is null || !ClusterSummaryEquality.AreEqual(resourceSummary, status.ResourceSummary))
        {
            status.ResourceSummary = resourceSummary;
            changed = true;
        }

        return changed;
    }
}
