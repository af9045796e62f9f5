using System.Text.Json.Nodes;
using Karmada.Client;
using Karmada.Member.Profiles;
using Karmada.Testing;

namespace Karmada.Member.Tests;

public sealed class StatefulSetSimulationTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task OrderedReady_CreatesInOrder_RollsAndScalesDownFromHighestOrdinal()
    {
        await using var fixture = await MemberFixture.StartAsync(new MemberProfile { PodStartupMilliseconds = 200 });
        await using var recorder = await PodEventRecorder.StartAsync(fixture, "app=web");
        await fixture.Client.CreateAsync(MemberFixture.StatefulSets, StatefulSet("web", 3));

        var set = await WaitForStatefulSetAsync(fixture, "web", 3);
        Assert.True(recorder.ReadyBefore("web-0", WatchEventType.Added, "web-1"), recorder.Trace);
        Assert.True(recorder.ReadyBefore("web-1", WatchEventType.Added, "web-2"), recorder.Trace);
        var firstRevision = (string)set["status"]!["updateRevision"]!;
        Assert.Equal(firstRevision, (string?)set["status"]!["currentRevision"]);
        Assert.Equal(3, (int?)set["status"]!["currentReplicas"]);
        var pods = await fixture.PodsAsync("app=web");
        Assert.Equal(["web-0", "web-1", "web-2"], pods.Select(p => (string)p["metadata"]!["name"]!).Order(StringComparer.Ordinal));
        Assert.All(pods, pod =>
        {
            Assert.Equal(firstRevision, (string?)pod["metadata"]!["labels"]!["controller-revision-hash"]);
            Assert.Equal((string?)pod["metadata"]!["name"], (string?)pod["spec"]!["hostname"]);
            Assert.Equal("web", (string?)pod["spec"]!["subdomain"]);
            var owner = pod["metadata"]!["ownerReferences"]![0]!;
            Assert.Equal("StatefulSet", (string?)owner["kind"]);
            Assert.True((bool?)owner["controller"]);
        });
        await fixture.Client.GetAsync(MemberFixture.ControllerRevisions, "default", firstRevision);

        var patch = JsonNode.Parse("""{"spec":{"template":{"spec":{"containers":[{"name":"app","image":"nginx:1.28"}]}}}}""")!;
        await fixture.Client.PatchAsync(MemberFixture.StatefulSets, "default", "web", PatchType.Strategic, patch);
        set = await WaitForStatefulSetAsync(fixture, "web", 3, s => (string?)s["status"]!["updateRevision"] != firstRevision);
        var secondRevision = (string)set["status"]!["updateRevision"]!;
        Assert.Equal(secondRevision, (string?)set["status"]!["currentRevision"]);
        Assert.Equal(["web-2", "web-1", "web-0"], recorder.Deleted);
        pods = await fixture.PodsAsync("app=web");
        Assert.All(pods, pod => Assert.Equal("nginx:1.28", (string?)pod["spec"]!["containers"]![0]!["image"]));
        Assert.All(pods, pod => Assert.Equal(secondRevision, (string?)pod["metadata"]!["labels"]!["controller-revision-hash"]));

        await fixture.Client.PatchAsync(MemberFixture.StatefulSets, "default", "web", PatchType.Merge, JsonNode.Parse("""{"spec":{"replicas":1}}""")!);
        await WaitForStatefulSetAsync(fixture, "web", 1);
        Assert.Equal(["web-2", "web-1", "web-0", "web-2", "web-1"], recorder.Deleted);
        Assert.Equal(["web-0"], (await fixture.PodsAsync("app=web")).Select(p => (string)p["metadata"]!["name"]!));
    }

    [Fact]
    public async Task Parallel_CreatesAllPodsWithoutWaitingForReadiness()
    {
        await using var fixture = await MemberFixture.StartAsync(new MemberProfile { PodStartupMilliseconds = 60_000 });
        var set = StatefulSet("db", 3);
        set["spec"]!["podManagementPolicy"] = "Parallel";
        await fixture.Client.CreateAsync(MemberFixture.StatefulSets, set);

        await Eventually.UntilAsync(async () => (await fixture.PodsAsync("app=db")).Count == 3, Deadline, "three pods created");
        Assert.All(await fixture.PodsAsync("app=db"), pod => Assert.NotEqual("Running", (string?)pod["status"]?["phase"]));
        await Eventually.UntilAsync(
            async () => (int?)(await fixture.Client.GetAsync(MemberFixture.StatefulSets, "default", "db"))["status"]?["replicas"] == 3,
            Deadline,
            "status counts three pods");
    }

    internal static JsonObject StatefulSet(string name, int replicas) => new()
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = "StatefulSet",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" },
        ["spec"] = new JsonObject
        {
            ["replicas"] = replicas,
            ["serviceName"] = name,
            ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = name } },
            ["template"] = MemberFixture.PodTemplate(name),
        },
    };

    private static async Task<JsonObject> WaitForStatefulSetAsync(MemberFixture fixture, string name, int replicas, Func<JsonObject, bool>? also = null)
    {
        JsonObject? set = null;
        await Eventually.UntilAsync(
            async () =>
            {
                set = await fixture.Client.GetAsync(MemberFixture.StatefulSets, "default", name);
                var status = set["status"];
                return (long?)status?["observedGeneration"] == (long?)set["metadata"]?["generation"]
                    && (int?)status?["replicas"] == replicas
                    && (int?)status?["readyReplicas"] == replicas
                    && (int?)status?["availableReplicas"] == replicas
                    && (int?)status?["updatedReplicas"] == replicas
                    && (string?)status?["currentRevision"] == (string?)status?["updateRevision"]
                    && (also?.Invoke(set) ?? true);
            },
            Deadline,
            $"statefulset {name} {replicas}/{replicas} ready");
        return set!;
    }
}
