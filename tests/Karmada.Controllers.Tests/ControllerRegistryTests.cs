using Karmada.Controllers.Cluster;
using Karmada.Controllers.Status;

namespace Karmada.Controllers.Tests;

public sealed class ControllerRegistryTests
{
    private readonly ControllerRegistry _registry = ControllerServiceCollectionExtensions.CreateRegistry(new ControllerManagerOptions());

    [Fact]
    public void Names_AreUpstreamsControllerNames_InStartOrder() =>
        Assert.Equal(
            [
                ClusterController.Name, ClusterStatusController.Name, "resourceDetector", "dependenciesDistributor", "binding", "execution",
                "workStatus", "bindingStatus", "namespace", "clusterTaintPolicy", "taintManager", "gracefulEviction",
            ],
            _registry.Names);

    [Theory]
    [InlineData("*", "cluster", true)]
    [InlineData("*,-cluster", "cluster", false)]
    [InlineData("*,-cluster", "clusterStatus", true)]
    [InlineData("clusterStatus", "cluster", false)]
    [InlineData("clusterStatus", "clusterStatus", true)]
    [InlineData("-cluster,*", "cluster", false)]
    public void IsEnabled_FollowsSelection(string selection, string name, bool expected) =>
        Assert.Equal(expected, _registry.IsEnabled(name, selection.Split(',')));

    [Fact]
    public void Validate_UnknownName_ThrowsListingKnownNames()
    {
        var ex = Assert.Throws<ArgumentException>(() => _registry.Validate(["*", "-nope"]));
        Assert.Contains("nope", ex.Message, StringComparison.Ordinal);
        Assert.Contains("clusterStatus", ex.Message, StringComparison.Ordinal);
    }
}
