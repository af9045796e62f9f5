using Karmada.Api.Core;
using Karmada.Api.Meta;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Policy.Selection;
using Karmada.Scheduler.Framework.Plugins;

namespace Karmada.Scheduler.Tests.Framework.Plugins;

public sealed class CompiledClusterAffinityTests
{
    public static TheoryData<string, ClusterAffinity> Affinities() => new()
    {
        { "empty", new ClusterAffinity() },
        { "names", Objects.Names("a", "c") },
        { "names and exclude", new ClusterAffinity { ClusterNames = ["a", "b"], ExcludeClusters = ["b"] } },
        { "exclude only", new ClusterAffinity { ExcludeClusters = ["c"] } },
        { "labels", new ClusterAffinity { LabelSelector = new LabelSelector { MatchLabels = new() { ["env"] = "prod" } }, ExcludeClusters = ["a"] } },
        {
            "fields", new ClusterAffinity
            {
                FieldSelector = new FieldSelector { MatchExpressions = [new NodeSelectorRequirement { Key = "region", Operator = NodeSelectorOperator.In, Values = ["r1"] }] },
            }
        },
    };

    [Theory]
    [MemberData(nameof(Affinities))]
    public void Matches_AnyAffinity_AgreesWithClusterAffinityMatcher(string name, ClusterAffinity affinity)
    {
        var compiled = new CompiledClusterAffinity(affinity);
        var clusters = new[]
        {
            Objects.Cluster("a", region: "r1", labels: new Dictionary<string, string> { ["env"] = "prod" }),
            Objects.Cluster("b", region: "r2", labels: new Dictionary<string, string> { ["env"] = "prod" }),
            Objects.Cluster("c"),
        };

        foreach (var cluster in clusters)
        {
            Assert.True(ClusterAffinityMatcher.Matches(cluster, affinity) == compiled.Matches(cluster), $"{name}: {cluster.Metadata.Name}");
        }
    }
}
