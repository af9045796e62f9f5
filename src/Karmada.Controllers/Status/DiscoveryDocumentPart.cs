using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Controllers.Status;

/// <summary>
/// What one discovery document (<c>/api</c> or <c>/apis</c>) contributes to a member's API enablements: the
/// group/versions of an aggregated document (and whether none was stale), or the group/version documents a legacy list
/// points to. <paramref name="ETag"/> names the document it came from, when the member sent one.
/// </summary>
internal sealed record DiscoveryDocumentPart(
    string? ETag,
    List<ClusterV1Alpha1.APIEnablement> Enablements,
    bool Complete,
    List<(string GroupVersion, string Path)> LegacyVersions);
