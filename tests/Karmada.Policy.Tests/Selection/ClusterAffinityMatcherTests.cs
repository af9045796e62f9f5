using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Policy.Selection;

namespace Karmada.Policy.Tests.Selection;

public sealed class ClusterAffinityMatcherTests
{
    private static readonly Cluster Member = TestJson.Typed<Cluster>("""
        {"metadata":{"name":"member1","labels":{"env":"prod"}},"spec":{"syncMode":"Push","provider":"aws","region":"us-east","zones":["a","b"]}}
        """);

    [Theory]
    [InlineData("""{"clusterNames":["member1"]}""", true)]
    [InlineData("""{"clusterNames":["member2"]}""", false)]
    [InlineData("""{"clusterNames":["member1"],"exclude":["member1"]}""", false)]
    [InlineData("""{"labelSelector":{"matchLabels":{"env":"prod"}}}""", true)]
    [InlineData("""{"labelSelector":{"matchLabels":{"env":"dev"}}}""", false)]
    [InlineData("""{"fieldSelector":{"matchExpressions":[{"key":"provider","operator":"In","values":["aws"]}]}}""", true)]
    [InlineData("""{"fieldSelector":{"matchExpressions":[{"key":"region","operator":"NotIn","values":["us-east"]}]}}""", false)]
    [InlineData("""{"fieldSelector":{"matchExpressions":[{"key":"zone","operator":"In","values":["b","c"]}]}}""", true)]
    [InlineData("""{}""", true)]
    public void Matches_Affinity_FollowsClusterMatches(string affinity, bool expected)
    {
        Assert.Equal(expected, ClusterAffinityMatcher.Matches(Member, TestJson.Typed<ClusterAffinity>(affinity)));
    }
}
