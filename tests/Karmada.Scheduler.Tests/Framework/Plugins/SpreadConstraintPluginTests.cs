using Karmada.Api.Policy.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Scheduler.Framework.Plugins;

namespace Karmada.Scheduler.Tests.Framework.Plugins;

public sealed class SpreadConstraintPluginTests
{
    private readonly SpreadConstraintPlugin _plugin = new();

    [Theory]
    [InlineData(SpreadFieldValue.Provider, "cluster(s) did not have provider property")]
    [InlineData(SpreadFieldValue.Region, "cluster(s) did not have region property")]
    [InlineData(SpreadFieldValue.Zone, "cluster(s) did not have zones property")]
    public void Filter_ClusterLacksSpreadField_IsUnschedulable(SpreadFieldValue field, string reason)
    {
        var spec = Objects.Spec(placement: new() { SpreadConstraints = [new SpreadConstraint { SpreadByField = field }] });

        Assert.Equal(reason, _plugin.Filter(spec, new ResourceBindingStatus(), Objects.Cluster("member1")).Message);
    }

    [Fact]
    public void Filter_ClusterHasEverySpreadField_Passes()
    {
        var spec = Objects.Spec(placement: new()
        {
            SpreadConstraints =
            [
                new SpreadConstraint { SpreadByField = SpreadFieldValue.Cluster },
                new SpreadConstraint { SpreadByField = SpreadFieldValue.Region },
                new SpreadConstraint { SpreadByField = SpreadFieldValue.Zone },
                new SpreadConstraint { SpreadByField = SpreadFieldValue.Provider },
            ],
        });

        var cluster = Objects.Cluster("member1", region: "r1", provider: "p1", zones: ["z1"]);

        Assert.True(_plugin.Filter(spec, new ResourceBindingStatus(), cluster).IsSuccess);
    }
}
