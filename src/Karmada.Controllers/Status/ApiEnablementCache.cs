using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Controllers.Status;

/// <summary>
/// One member's last aggregated discovery documents, by ETag, and the enablements made of them. The next collection
/// asks with <c>If-None-Match</c>; when neither document changed (the usual case: a member's APIs change on CRD
/// installs and upgrades, not every status period) it gets two bodiless 304s and hands out the same enablements list
/// without parsing anything. One collection per member at a time (the status controller's queue has one worker per key).
/// </summary>
public sealed class ApiEnablementCache
{
    internal DiscoveryDocumentPart? Core { get; set; }

    internal DiscoveryDocumentPart? Groups { get; set; }

    /// <summary>What <see cref="Core"/> and <see cref="Groups"/> gave together; shared, so nobody may modify the list.</summary>
    internal (List<ClusterV1Alpha1.APIEnablement> Enablements, bool Complete)? Collected { get; set; }
}
