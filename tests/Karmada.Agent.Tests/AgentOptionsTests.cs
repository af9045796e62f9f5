using Karmada.Controllers.Members;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Agent.Tests;

public sealed class AgentOptionsTests
{
    [Theory]
    [InlineData("")]
    [InlineData("Member1")]
    [InlineData("member_1")]
    [InlineData("-member")]
    public void Validate_BadClusterName_Throws(string name) =>
        Assert.Throws<ArgumentException>(() => new AgentOptions { ClusterName = name }.Validate());

    [Fact]
    public void Validate_BadFraction_Throws() =>
        Assert.Throws<ArgumentException>(() => new AgentOptions { ClusterName = "m", ClusterLeaseRenewIntervalFraction = 1 }.Validate());

    [Fact]
    public void LeaseRenewInterval_IsDurationTimesFraction()
    {
        var options = new AgentOptions { ClusterName = "member1" };
        options.Validate();
        Assert.Equal(TimeSpan.FromSeconds(10), options.LeaseRenewInterval);
    }

    [Fact]
    public void RegistrarApply_SetsPullModeAndTopology_KeepsUnsetFields()
    {
        var spec = new ClusterV1Alpha1.ClusterSpec { SyncMode = ClusterV1Alpha1.ClusterSyncMode.Push, Provider = "aws", Region = "old" };

        ClusterRegistrar.Apply(spec, new AgentOptions { ClusterName = "m", ClusterRegion = "eu", ClusterZones = ["eu-1", "eu-2"] }, "https://10.0.0.1:6443");

        Assert.Equal(ClusterV1Alpha1.ClusterSyncMode.Pull, spec.SyncMode);
        Assert.Equal("https://10.0.0.1:6443", spec.ApiEndpoint);
        Assert.Equal("aws", spec.Provider);
        Assert.Equal("eu", spec.Region);
        Assert.Equal(new[] { "eu-1", "eu-2" }, spec.Zones);
        Assert.Null(spec.SecretRef);
    }

    [Fact]
    public async Task LocalExecutionCluster_ServesOnlyItsOwnPullCluster()
    {
        using var client = new Client.KubeApiClient(new k8s.KubernetesClientConfiguration { Host = "https://127.0.0.1:1" });
        var target = new LocalExecutionCluster("member1", client);

        Assert.Equal("karmada-es-member1", target.WorkNamespace);
        Assert.True(target.Serves(Cluster("member1", ClusterV1Alpha1.ClusterSyncMode.Pull)));
        Assert.False(target.Serves(Cluster("member1", ClusterV1Alpha1.ClusterSyncMode.Push)));
        Assert.False(target.Serves(Cluster("member2", ClusterV1Alpha1.ClusterSyncMode.Pull)));
        Assert.Same(client, await target.GetClientAsync(Cluster("member1", ClusterV1Alpha1.ClusterSyncMode.Pull), CancellationToken.None));
        await Assert.ThrowsAsync<MemberClusterConfigurationException>(() => target.GetClientAsync(Cluster("member2", ClusterV1Alpha1.ClusterSyncMode.Pull), CancellationToken.None));
    }

    private static ClusterV1Alpha1.Cluster Cluster(string name, ClusterV1Alpha1.ClusterSyncMode mode) =>
        new() { Metadata = new Api.Meta.ObjectMeta { Name = name }, Spec = new ClusterV1Alpha1.ClusterSpec { SyncMode = mode } };
}
