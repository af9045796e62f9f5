using System.Text.Json.Nodes;
using Karmada.Client;
using Karmada.Testing;

namespace Karmada.Member.Tests;

public sealed class DeploymentSimulationTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Deployment_OfFour_BecomesFourOfFourReadyWithRunningPods()
    {
        await using var fixture = await MemberFixture.StartAsync();
        await fixture.Client.CreateAsync(MemberFixture.Deployments, MemberFixture.Deployment("web", 4));

        await WaitForDeploymentAsync(fixture, "web", 4);
        var pods = await fixture.PodsAsync("app=web");
        Assert.Equal(4, pods.Count);
        Assert.All(pods, pod =>
        {
            Assert.Equal("Running", (string?)pod["status"]?["phase"]);
            Assert.StartsWith("member1-node-", (string?)pod["spec"]?["nodeName"], StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty((string?)pod["status"]?["podIP"]));
        });
        Assert.True(pods.Select(p => (string?)p["spec"]?["nodeName"]).Distinct().Count() > 1, "pods spread over nodes");
        var deployment = await fixture.Client.GetAsync(MemberFixture.Deployments, "default", "web");
        Assert.Equal(4, (int?)deployment["status"]?["updatedReplicas"]);
        var conditions = deployment["status"]!["conditions"]!.AsArray().Select(c => ((string?)c!["type"], (string?)c["status"], (string?)c["reason"])).ToList();
        Assert.Contains(("Available", "True", "MinimumReplicasAvailable"), conditions);
        Assert.Contains(("Progressing", "True", "NewReplicaSetAvailable"), conditions);
    }

    [Fact]
    public async Task ScaleDown_RemovesPods()
    {
        await using var fixture = await MemberFixture.StartAsync();
        await fixture.Client.CreateAsync(MemberFixture.Deployments, MemberFixture.Deployment("web", 4));
        await WaitForDeploymentAsync(fixture, "web", 4);

        await fixture.Client.PatchAsync(MemberFixture.Deployments, "default", "web", PatchType.Merge, new JsonObject { ["spec"] = new JsonObject { ["replicas"] = 1 } });

        await WaitForDeploymentAsync(fixture, "web", 1);
        await Eventually.UntilAsync(async () => (await fixture.PodsAsync("app=web")).Count == 1, Deadline, "surplus pods deleted");
    }

    [Fact]
    public async Task OversizedPod_StaysPendingUnschedulable()
    {
        await using var fixture = await MemberFixture.StartAsync();
        var resources = new JsonObject { ["requests"] = new JsonObject { ["cpu"] = "64" } };
        await fixture.Client.CreateAsync(MemberFixture.Deployments, MemberFixture.Deployment("huge", 1, resources: resources));

        JsonObject? pod = null;
        await Eventually.UntilAsync(
            async () =>
            {
                pod = (await fixture.PodsAsync("app=huge")).SingleOrDefault();
                return pod?["status"]?["conditions"] is JsonArray conditions
                    && conditions.Any(c => (string?)c!["type"] == "PodScheduled" && (string?)c["status"] == "False" && (string?)c["reason"] == "Unschedulable");
            },
            Deadline,
            "pod marked unschedulable");
        Assert.Equal("Pending", (string?)pod!["status"]?["phase"]);
        Assert.Null(pod["spec"]?["nodeName"]);
        Assert.Contains("Insufficient cpu", (string?)pod["status"]!["conditions"]![0]!["message"], StringComparison.Ordinal);
    }

    internal static Task WaitForDeploymentAsync(MemberFixture fixture, string name, int replicas) =>
        Eventually.UntilAsync(
            async () =>
            {
                var d = await fixture.Client.GetAsync(MemberFixture.Deployments, "default", name);
                var status = d["status"];
                return (long?)status?["observedGeneration"] == (long?)d["metadata"]?["generation"]
                    && (int?)status?["readyReplicas"] == replicas
                    && (int?)status?["availableReplicas"] == replicas
                    && (int?)status?["updatedReplicas"] == replicas
                    && (int?)status?["replicas"] == replicas;
            },
            Deadline,
            $"deployment {name} {replicas}/{replicas} ready");
}
