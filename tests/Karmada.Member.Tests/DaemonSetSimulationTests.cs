using System.Text.Json.Nodes;
using Karmada.Client;
using Karmada.Testing;

namespace Karmada.Member.Tests;

public sealed class DaemonSetSimulationTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task DaemonSet_RunsOnePodPerNode_FollowsNodesAndTaints()
    {
        await using var fixture = await MemberFixture.StartAsync();
        await fixture.Client.CreateAsync(MemberFixture.DaemonSets, DaemonSet("agent"));

        await WaitForDaemonSetAsync(fixture, "agent", desired: 3, ready: 3);
        var pods = await fixture.PodsAsync("app=agent");
        Assert.Equal(fixture.Member.NodeNames.Order(StringComparer.Ordinal), pods.Select(p => (string)p["spec"]!["nodeName"]!).Order(StringComparer.Ordinal));
        Assert.All(pods, pod =>
        {
            Assert.Equal("Running", (string?)pod["status"]?["phase"]);
            Assert.Contains(pod["spec"]!["tolerations"]!.AsArray(), t => (string?)t!["key"] == "node.kubernetes.io/not-ready" && (string?)t["effect"] == "NoExecute");
            Assert.Equal("DaemonSet", (string?)pod["metadata"]!["ownerReferences"]![0]!["kind"]);
        });

        // A user taint keeps the daemon away; the unschedulable taint does not (daemon pods tolerate it).
        await fixture.Client.CreateAsync(MemberFixture.Nodes, Node("tainted", "dedicated", "NoSchedule"));
        await fixture.Client.CreateAsync(MemberFixture.Nodes, Node("cordoned", "node.kubernetes.io/unschedulable", "NoSchedule"));
        await WaitForDaemonSetAsync(fixture, "agent", desired: 4, ready: 3);
        await Eventually.UntilAsync(
            async () => (await fixture.PodsAsync("app=agent")).Any(p => (string?)p["spec"]!["nodeName"] == "cordoned"),
            Deadline,
            "daemon pod on the cordoned node");
        Assert.DoesNotContain(await fixture.PodsAsync("app=agent"), p => (string?)p["spec"]!["nodeName"] == "tainted");

        await fixture.Client.DeleteAsync(MemberFixture.Nodes, null, "cordoned");
        await WaitForDaemonSetAsync(fixture, "agent", desired: 3, ready: 3);
        await Eventually.UntilAsync(async () => (await fixture.PodsAsync("app=agent")).Count == 3, Deadline, "pod of the removed node deleted");
    }

    [Fact]
    public async Task DaemonSet_NodeSelector_LimitsNodes_AndTemplateChangeRollsPods()
    {
        await using var fixture = await MemberFixture.StartAsync();
        var set = DaemonSet("zonal");
        set["spec"]!["template"]!["spec"]!["nodeSelector"] = new JsonObject { ["topology.kubernetes.io/zone"] = "zone-a" };
        await fixture.Client.CreateAsync(MemberFixture.DaemonSets, set);
        await WaitForDaemonSetAsync(fixture, "zonal", desired: 1, ready: 1);
        Assert.Equal("member1-node-0", (string?)(await fixture.PodsAsync("app=zonal")).Single()["spec"]!["nodeName"]);

        await fixture.Client.CreateAsync(MemberFixture.DaemonSets, DaemonSet("roll"));
        await WaitForDaemonSetAsync(fixture, "roll", desired: 3, ready: 3);
        var patch = JsonNode.Parse("""{"spec":{"template":{"spec":{"containers":[{"name":"app","image":"nginx:1.28"}]}}}}""")!;
        await fixture.Client.PatchAsync(MemberFixture.DaemonSets, "default", "roll", PatchType.Strategic, patch);
        await Eventually.UntilAsync(
            async () =>
            {
                var pods = await fixture.PodsAsync("app=roll");
                return pods.Count == 3 && pods.All(p => (string?)p["spec"]!["containers"]![0]!["image"] == "nginx:1.28" && (string?)p["status"]?["phase"] == "Running");
            },
            Deadline,
            "all daemon pods replaced");
        await WaitForDaemonSetAsync(fixture, "roll", desired: 3, ready: 3);
        var revisions = await fixture.Client.ListAsync(MemberFixture.ControllerRevisions, "default");
        Assert.Equal(2, revisions.Items.Count(r => ((string)r["metadata"]!["name"]!).StartsWith("roll-", StringComparison.Ordinal)));
    }

    private static JsonObject DaemonSet(string name) => new()
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = "DaemonSet",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" },
        ["spec"] = new JsonObject
        {
            ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = name } },
            ["template"] = MemberFixture.PodTemplate(name),
        },
    };

    private static JsonObject Node(string name, string taintKey, string effect) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Node",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject { ["taints"] = new JsonArray(new JsonObject { ["key"] = taintKey, ["value"] = "x", ["effect"] = effect }) },
    };

    private static Task WaitForDaemonSetAsync(MemberFixture fixture, string name, int desired, int ready) =>
        Eventually.UntilAsync(
            async () =>
            {
                var set = await fixture.Client.GetAsync(MemberFixture.DaemonSets, "default", name);
                var status = set["status"];
                return (long?)status?["observedGeneration"] == (long?)set["metadata"]?["generation"]
                    && (int?)status?["desiredNumberScheduled"] == desired
                    && (int?)status?["currentNumberScheduled"] == desired
                    && (int?)status?["updatedNumberScheduled"] == desired
                    && (int?)status?["numberReady"] == ready
                    && (int?)status?["numberAvailable"] == ready
                    && (int?)status?["numberMisscheduled"] == 0;
            },
            Deadline,
            $"daemonset {name}: {ready}/{desired} ready");
}
