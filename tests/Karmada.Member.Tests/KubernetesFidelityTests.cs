using System.Text.Json.Nodes;
using Karmada.Client;
using Karmada.Member.Simulation;
using Karmada.Testing;

namespace Karmada.Member.Tests;

/// <summary>
/// The simulated components where kube's behaviour is observable: the Deployment controller's revision bookkeeping
/// (what <c>kubectl rollout history</c> and <c>rollout status</c> read), and the scheduler binding through
/// <c>pods/binding</c>, leaving gated pods alone.
/// </summary>
public sealed class KubernetesFidelityTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ARolloutGivesRevisionsOneAndTwoAndARollbackMovesTheOldReplicaSetUp()
    {
        await using var fixture = await MemberFixture.StartAsync();
        var deployment = MemberFixture.Deployment("rev", 4);
        deployment["metadata"]!["annotations"] = new JsonObject { ["kubernetes.io/change-cause"] = "first" };
        await fixture.Client.CreateAsync(MemberFixture.Deployments, deployment);
        await DeploymentSimulationTests.WaitForDeploymentAsync(fixture, "rev", 4);
        await WaitForDeploymentRevisionAsync(fixture, "rev", "1");

        var first = Assert.Single((await fixture.Client.ListAsync(MemberFixture.ReplicaSets, "default")).Items);
        var firstAnnotations = first["metadata"]!["annotations"]!;
        Assert.Equal("1", (string?)firstAnnotations[DeploymentRevisions.RevisionAnnotation]);
        Assert.Equal("4", (string?)firstAnnotations[DeploymentRevisions.DesiredReplicasAnnotation]);
        Assert.Equal("5", (string?)firstAnnotations[DeploymentRevisions.MaxReplicasAnnotation]);
        Assert.Equal("first", (string?)firstAnnotations["kubernetes.io/change-cause"]);

        await fixture.Client.PatchAsync(MemberFixture.Deployments, "default", "rev", PatchType.Strategic, TemplateAndCause("nginx:1.28", "second"));
        await WaitForRolloutAsync(fixture, "rev", "nginx:1.28");
        await WaitForDeploymentRevisionAsync(fixture, "rev", "2");
        var afterRollout = await ReplicaSetsByImageAsync(fixture);
        Assert.Equal("1", Annotation(afterRollout["nginx:1.27"], DeploymentRevisions.RevisionAnnotation));
        Assert.Equal("2", Annotation(afterRollout["nginx:1.28"], DeploymentRevisions.RevisionAnnotation));
        Assert.Equal("second", Annotation(afterRollout["nginx:1.28"], "kubernetes.io/change-cause"));
        Assert.Equal("first", Annotation(afterRollout["nginx:1.27"], "kubernetes.io/change-cause"));

        // kubectl rollout undo: the template of revision 1 again. Its ReplicaSet becomes revision 3 and remembers 1.
        await fixture.Client.PatchAsync(MemberFixture.Deployments, "default", "rev", PatchType.Strategic, TemplateAndCause("nginx:1.27", "first"));
        await WaitForRolloutAsync(fixture, "rev", "nginx:1.27");
        await WaitForDeploymentRevisionAsync(fixture, "rev", "3");
        var afterUndo = await ReplicaSetsByImageAsync(fixture);
        Assert.Equal(2, afterUndo.Count);
        Assert.Equal("3", Annotation(afterUndo["nginx:1.27"], DeploymentRevisions.RevisionAnnotation));
        Assert.Equal("1", Annotation(afterUndo["nginx:1.27"], DeploymentRevisions.RevisionHistoryAnnotation));
        Assert.Equal("2", Annotation(afterUndo["nginx:1.28"], DeploymentRevisions.RevisionAnnotation));
        Assert.Equal(0, (int?)afterUndo["nginx:1.28"]["spec"]!["replicas"]);
    }

    [Fact]
    public async Task TheSchedulerBindsThroughPodsBindingWithoutBumpingThePodGeneration()
    {
        await using var fixture = await MemberFixture.StartAsync();
        var pod = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = new JsonObject { ["name"] = "solo", ["namespace"] = "default" },
            ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = "nginx:1.27" }) },
        };
        var created = await fixture.Client.CreateAsync(MemberFixture.Pods, pod);
        Assert.Equal("Pending", (string?)created["status"]!["phase"]);
        Assert.Equal("BestEffort", (string?)created["status"]!["qosClass"]);

        JsonObject? running = null;
        await Eventually.UntilAsync(
            async () =>
            {
                running = await fixture.Client.GetAsync(MemberFixture.Pods, "default", "solo");
                return (string?)running["status"]?["phase"] == "Running";
            },
            Deadline,
            "pod bound and running");

        Assert.StartsWith("member1-node-", (string?)running!["spec"]!["nodeName"], StringComparison.Ordinal);
        Assert.Equal(1, (long?)running["metadata"]!["generation"]);
        Assert.Equal("BestEffort", (string?)running["status"]!["qosClass"]);
        var specWriters = running["metadata"]!["managedFields"]!.AsArray().Where(e => e!["fieldsV1"]?["f:spec"] is not null).ToList();
        Assert.Single(specWriters);
        Assert.Null(specWriters[0]!["subresource"]);
    }

    [Fact]
    public async Task AGatedPodWaitsUntilItsGatesAreRemoved()
    {
        await using var fixture = await MemberFixture.StartAsync();
        var pod = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = new JsonObject { ["name"] = "gated", ["namespace"] = "default" },
            ["spec"] = new JsonObject
            {
                ["schedulingGates"] = new JsonArray(new JsonObject { ["name"] = "example.com/wait" }),
                ["containers"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = "nginx:1.27" }),
            },
        };
        var created = await fixture.Client.CreateAsync(MemberFixture.Pods, pod);
        var gated = Assert.Single(created["status"]!["conditions"]!.AsArray())!;
        Assert.Equal("SchedulingGated", (string?)gated["reason"]);

        // A later pod is scheduled and running, and the gated one is still unbound.
        await fixture.Client.CreateAsync(MemberFixture.Pods, new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = new JsonObject { ["name"] = "later", ["namespace"] = "default" },
            ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = "nginx:1.27" }) },
        });
        await Eventually.UntilAsync(async () => (string?)(await fixture.Client.GetAsync(MemberFixture.Pods, "default", "later"))["status"]?["phase"] == "Running", Deadline, "ungated pod running");
        Assert.Null((await fixture.Client.GetAsync(MemberFixture.Pods, "default", "gated"))["spec"]!["nodeName"]);

        await fixture.Client.PatchAsync(MemberFixture.Pods, "default", "gated", PatchType.Merge, new JsonObject { ["spec"] = new JsonObject { ["schedulingGates"] = null } });

        await Eventually.UntilAsync(async () => (string?)(await fixture.Client.GetAsync(MemberFixture.Pods, "default", "gated"))["status"]?["phase"] == "Running", Deadline, "pod running once ungated");
    }

    private static JsonObject TemplateAndCause(string image, string cause) => new()
    {
        ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { ["kubernetes.io/change-cause"] = cause } },
        ["spec"] = new JsonObject { ["template"] = new JsonObject { ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = image }) } } },
    };

    private static string? Annotation(JsonObject obj, string key) => (string?)obj["metadata"]?["annotations"]?[key];

    private static async Task<Dictionary<string, JsonObject>> ReplicaSetsByImageAsync(MemberFixture fixture) =>
        (await fixture.Client.ListAsync(MemberFixture.ReplicaSets, "default")).Items
            .ToDictionary(rs => (string)rs["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!, StringComparer.Ordinal);

    private static Task WaitForRolloutAsync(MemberFixture fixture, string name, string image) =>
        Eventually.UntilAsync(
            async () =>
            {
                var pods = await fixture.PodsAsync("app=" + name);
                var d = await fixture.Client.GetAsync(MemberFixture.Deployments, "default", name);
                return pods.Count == 4
                    && pods.All(p => (string?)p["spec"]!["containers"]![0]!["image"] == image && (string?)p["status"]?["phase"] == "Running")
                    && (long?)d["status"]?["observedGeneration"] == (long?)d["metadata"]?["generation"]
                    && (int?)d["status"]?["updatedReplicas"] == 4
                    && (int?)d["status"]?["availableReplicas"] == 4
                    && (int?)d["status"]?["replicas"] == 4;
            },
            Deadline,
            $"rolled out to {image}");

    private static Task WaitForDeploymentRevisionAsync(MemberFixture fixture, string name, string revision) =>
        Eventually.UntilAsync(
            async () => Annotation(await fixture.Client.GetAsync(MemberFixture.Deployments, "default", name), DeploymentRevisions.RevisionAnnotation) == revision,
            Deadline,
            $"deployment revision {revision}");
}
