using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Karmada.Cli;
using Karmada.Client;
using Karmada.Host.Up;
using Karmada.Testing.ControlPlane;
using Microsoft.Extensions.Logging.Abstractions;

namespace Karmada.E2E.Tests;

/// <summary>
/// <c>karmada up</c>'s member start and registration against a real in-process control plane and simulated member:
/// first join, an unchanged restart, a restart whose old port is taken (endpoint updated), a restart back on the
/// remembered port, and stale credentials repaired.
/// </summary>
[Trait("Category", "Integration")]
public sealed class UpRegistrationIntegrationTests : IAsyncLifetime
{
    private InProcessControlPlane _controlPlane = null!;
    private KubeApiClient _client = null!;

    public async Task InitializeAsync()
    {
        // The system namespaces (karmada-cluster among them) exist once the server has started.
        _controlPlane = await InProcessControlPlane.StartAsync(new InProcessControlPlaneOptions { DirectoryPrefix = "up-registration" });
        _client = _controlPlane.Client;
    }

    public async Task DisposeAsync() => await _controlPlane.DisposeAsync();

    [Fact]
    public async Task StartAndEnsure_JoinThenRestartsKeepTheClusterPointingAtTheMember()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = cts.Token;
        var layout = new UpLayout(_controlPlane.DataDirectory);
        var plan = SimulatedMemberPlan.For(1);
        var kubeconfig = layout.MemberKubeconfig("member1");

        // First start: a free port, remembered; the member's kubeconfig published; joined with its topology.
        int firstPort;
        await using (var member = await SimulatedMemberStarter.StartAsync(layout, plan, NullLoggerFactory.Instance, ct))
        {
            firstPort = new Uri(member.Url).Port;
            Assert.Equal(firstPort, await PersistedPort.ReadAsync(layout.MemberPortFile("member1"), ct));
            Assert.True(File.Exists(kubeconfig));
            Assert.Equal(2, member.NodeNames.Count);

            Assert.Equal(RegistrationOutcome.Joined, await SimulatedMemberRegistration.EnsureAsync(_client, plan, kubeconfig, ct));
            var cluster = await GetClusterAsync(ct);
            Assert.Equal(member.Url, cluster.Spec.ApiEndpoint);
            Assert.Equal(("aws", "us-east"), (cluster.Spec.Provider, cluster.Spec.Region));
            Assert.Equal(["us-east-1a", "us-east-1b"], cluster.Spec.Zones);

            Assert.Equal(RegistrationOutcome.Unchanged, await SimulatedMemberRegistration.EnsureAsync(_client, plan, kubeconfig, ct));
        }

        // Restart while the old port is taken: another port, and the Cluster follows it.
        int secondPort;
        using (var occupant = new TcpListener(IPAddress.Loopback, firstPort))
        {
            occupant.Start();
            await using var member = await SimulatedMemberStarter.StartAsync(layout, plan, NullLoggerFactory.Instance, ct);
            secondPort = new Uri(member.Url).Port;
            Assert.NotEqual(firstPort, secondPort);
            Assert.Equal(secondPort, await PersistedPort.ReadAsync(layout.MemberPortFile("member1"), ct));

            Assert.Equal(RegistrationOutcome.Updated, await SimulatedMemberRegistration.EnsureAsync(_client, plan, kubeconfig, ct));
            Assert.Equal(member.Url, (await GetClusterAsync(ct)).Spec.ApiEndpoint);
        }

        // Restart with the port free again: back on the remembered one, nothing to update; a tampered Secret is repaired.
        await using (var member = await SimulatedMemberStarter.StartAsync(layout, plan, NullLoggerFactory.Instance, ct))
        {
            Assert.Equal(secondPort, new Uri(member.Url).Port);
            Assert.Equal(RegistrationOutcome.Unchanged, await SimulatedMemberRegistration.EnsureAsync(_client, plan, kubeconfig, ct));

            await _client.PatchAsync(
                ResourceRef.Secrets, "karmada-cluster", "member1", PatchType.Merge,
                new JsonObject { ["data"] = new JsonObject { ["token"] = Convert.ToBase64String("stale"u8.ToArray()) } },
                cancellationToken: ct);
            Assert.Equal(RegistrationOutcome.Updated, await SimulatedMemberRegistration.EnsureAsync(_client, plan, kubeconfig, ct));
            var data = (JsonObject)(await _client.GetAsync(ResourceRef.Secrets, "karmada-cluster", "member1", ct))["data"]!;
            Assert.False(data.ContainsKey(ClusterJoiner.TokenKey));
            Assert.True(data.ContainsKey(ClusterJoiner.ClientCertificateKey));
        }
    }

    [Fact]
    public async Task Ensure_ClusterOfThatNameElsewhere_RefusesToTakeItOver()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var layout = new UpLayout(_controlPlane.DataDirectory);
        var plan = SimulatedMemberPlan.For(1);
        await _client.CreateAsync(ClusterResources.Clusters, null, new Api.Cluster.V1Alpha1.Cluster
        {
            Metadata = new Api.Meta.ObjectMeta { Name = "member1" },
            Spec = new Api.Cluster.V1Alpha1.ClusterSpec { SyncMode = Api.Cluster.V1Alpha1.ClusterSyncMode.Push, ApiEndpoint = "https://10.1.2.3:6443" },
        }, ClusterResources.ClusterType, cancellationToken: cts.Token);

        await using var member = await SimulatedMemberStarter.StartAsync(layout, plan, NullLoggerFactory.Instance, cts.Token);
        var error = await Assert.ThrowsAsync<UpException>(() => SimulatedMemberRegistration.EnsureAsync(_client, plan, layout.MemberKubeconfig("member1"), cts.Token));

        Assert.Contains("10.1.2.3", error.Message, StringComparison.Ordinal);
        Assert.Equal("https://10.1.2.3:6443", (await GetClusterAsync(cts.Token)).Spec.ApiEndpoint);
    }

    private Task<Api.Cluster.V1Alpha1.Cluster> GetClusterAsync(CancellationToken cancellationToken) =>
        _client.GetAsync(ClusterResources.Clusters, null, "member1", ClusterResources.ClusterType, cancellationToken);
}
