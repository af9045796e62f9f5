using Karmada.Api.Meta;
using Karmada.Api.WellKnown;
using Karmada.Controllers.Detector;
using static Karmada.Controllers.Tests.Detector.DetectorTestObjects;

namespace Karmada.Controllers.Tests.Detector;

public sealed class ClaimMetadataTests
{
    [Fact]
    public void ReadClaim_PropagationPolicyNeedsIdNamespaceAndName()
    {
        var claimed = Claimed(Deployment("apps", "nginx"), "apps", "pp", "id-1");
        Assert.Equal(new PolicyReference("apps", "pp", "id-1"), ClaimMetadata.ReadClaim(claimed));

        claimed["metadata"]!["annotations"]!.AsObject().Remove(WellKnownAnnotations.PropagationPolicyNamespace);
        Assert.Null(ClaimMetadata.ReadClaim(claimed));
    }

    [Fact]
    public void ReadClaim_ClusterPropagationPolicy()
    {
        var claimed = Claimed(Deployment("apps", "nginx"), null, "cpp", "id-2");
        var claim = ClaimMetadata.ReadClaim(claimed);
        Assert.Equal(new PolicyReference(null, "cpp", "id-2"), claim);
        Assert.True(claim!.IsCluster);
    }

    [Fact]
    public void ClaimPatch_PropagationPolicy_SetsItsClaimAndClearsTheClusterPolicyClaim()
    {
        var patch = ClaimMetadata.ClaimPatch(new PolicyReference("apps", "pp", "id-1"), "42");

        Assert.Equal(
            """{"metadata":{"labels":{"propagationpolicy.karmada.io/permanent-id":"id-1","clusterpropagationpolicy.karmada.io/permanent-id":null},"annotations":{"propagationpolicy.karmada.io/namespace":"apps","propagationpolicy.karmada.io/name":"pp","clusterpropagationpolicy.karmada.io/name":null},"resourceVersion":"42"}}""",
            patch.ToJsonString());
    }

    [Fact]
    public void ReleasePatch_ClusterPolicy_RemovesOnlyItsKeys()
    {
        var patch = ClaimMetadata.ReleasePatch(new PolicyReference(null, "cpp", "id-2"), null);

        Assert.Equal(
            """{"metadata":{"labels":{"clusterpropagationpolicy.karmada.io/permanent-id":null},"annotations":{"clusterpropagationpolicy.karmada.io/name":null}}}""",
            patch.ToJsonString());
    }

    [Fact]
    public void IsClaimedBy_FalseWhileTheOtherKindsClaimRemains()
    {
        var policy = new PolicyReference("apps", "pp", "id-1");
        var claimed = Claimed(Deployment("apps", "nginx"), "apps", "pp", "id-1");
        Assert.True(ClaimMetadata.IsClaimedBy(claimed, policy));

        claimed["metadata"]!["labels"]![WellKnownLabels.ClusterPropagationPolicyPermanentId] = "stale";
        Assert.False(ClaimMetadata.IsClaimedBy(claimed, policy));
    }

    [Fact]
    public void ClaimAndRelease_TypedMetadata()
    {
        var meta = new ObjectMeta
        {
            Labels = new() { [WellKnownLabels.ClusterPropagationPolicyPermanentId] = "old", ["app"] = "x" },
            Annotations = new() { [WellKnownAnnotations.ClusterPropagationPolicyName] = "old" },
        };
        var policy = new PolicyReference("apps", "pp", "id-1");

        ClaimMetadata.Claim(meta, policy);
        Assert.Equal(new Dictionary<string, string> { [WellKnownLabels.PropagationPolicyPermanentId] = "id-1", ["app"] = "x" }, meta.Labels);
        Assert.Equal("pp", meta.Annotations[WellKnownAnnotations.PropagationPolicyName]);
        Assert.False(meta.Annotations.ContainsKey(WellKnownAnnotations.ClusterPropagationPolicyName));

        Assert.True(ClaimMetadata.Release(meta, policy));
        Assert.Equal(new Dictionary<string, string> { ["app"] = "x" }, meta.Labels);
        Assert.Empty(meta.Annotations);
        Assert.False(ClaimMetadata.Release(meta, policy));
    }
}
