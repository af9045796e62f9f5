using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Controllers.Status;

/// <summary>What one status round fetched from a member besides its health: version (or why not) and API enablements.</summary>
internal sealed record MemberVersionAndApis(
    string? GitVersion,
    string? VersionError,
    List<ClusterV1Alpha1.APIEnablement> Enablements,
    bool Complete);
