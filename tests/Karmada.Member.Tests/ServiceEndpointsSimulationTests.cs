using System.Text.Json.Nodes;
using Karmada.Client;
using Karmada.Member.Faults;
using Karmada.Testing;

namespace Karmada.Member.Tests;

public sealed class ServiceEndpointsSimulationTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Service_GetsEndpointsAndSlices_ThatFollowPodReadinessAndScale()
    {
        await using var fixture = await MemberFixture.StartAsync();
        var deployment = MemberFixture.Deployment("web", 2);
        deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["ports"] = new JsonArray(new JsonObject { ["name"] = "http", ["containerPort"] = 8080 });
        await fixture.Client.CreateAsync(MemberFixture.Deployments, deployment);
        var service = await fixture.Client.CreateAsync(MemberFixture.Services, Service("web"));
        Assert.False(string.IsNullOrEmpty((string?)service["spec"]!["clusterIP"]));
        await DeploymentSimulationTests.WaitForDeploymentAsync(fixture, "web", 2);
        // The Deployment's status can be a step ahead of a pod list that still shows a surplus or starting pod.
        var pods = await Eventually.ReadUntilAsync(
            () => fixture.PodsAsync("app=web"),
            p => p.Count == 2 && p.All(pod => Field(pod, "status", "podIP") is not null),
            p => string.Join("; ", p.Select(pod => $"{Field(pod, "metadata", "name")} {Field(pod, "status", "phase")} ip={Field(pod, "status", "podIP")} deleting={Field(pod, "metadata", "deletionTimestamp")}")),
            Deadline,
            "the Deployment's two pods running with addresses");
        var podIps = pods.Select(p => (string)p["status"]!["podIP"]!).Order(StringComparer.Ordinal).ToList();

        var endpoints = await WaitForEndpointsAsync(fixture, "web", ready: 2, notReady: 0);
        var subset = endpoints["subsets"]![0]!;
        Assert.Equal(podIps, subset["addresses"]!.AsArray().Select(a => (string)a!["ip"]!).Order(StringComparer.Ordinal));
        Assert.All(subset["addresses"]!.AsArray(), a => Assert.Equal("Pod", (string?)a!["targetRef"]!["kind"]));
        var ports = subset["ports"]!.AsArray().Select(p => ((string?)p!["name"], (int?)p["port"])).Order().ToList();
        Assert.Equal([("http", 8080), ("metrics", 9100)], ports);

        var slice = await WaitForSliceAsync(fixture, "web", ready: 2, notReady: 0);
        Assert.Equal("endpointslice-controller.k8s.io", (string?)slice["metadata"]!["labels"]!["endpointslice.kubernetes.io/managed-by"]);
        Assert.Equal("IPv4", (string?)slice["addressType"]);
        Assert.Equal("Service", (string?)slice["metadata"]!["ownerReferences"]![0]!["kind"]);
        Assert.All(slice["endpoints"]!.AsArray(), e => Assert.StartsWith("zone-", (string?)e!["zone"], StringComparison.Ordinal));
        Assert.Equal(ports, slice["ports"]!.AsArray().Select(p => ((string?)p!["name"], (int?)p["port"])).Order());

        // Every node NotReady: the kubelets report the pods not ready, so they move to notReadyAddresses.
        fixture.Member.Faults.Set(FaultState.Healthy.Apply("notready-nodes=3"));
        await WaitForEndpointsAsync(fixture, "web", ready: 0, notReady: 2);
        await WaitForSliceAsync(fixture, "web", ready: 0, notReady: 2);
        fixture.Member.Faults.Set(FaultState.Healthy);
        await WaitForEndpointsAsync(fixture, "web", ready: 2, notReady: 0);

        await fixture.Client.PatchAsync(MemberFixture.Deployments, "default", "web", PatchType.Merge, JsonNode.Parse("""{"spec":{"replicas":0}}""")!);
        await WaitForEndpointsAsync(fixture, "web", ready: 0, notReady: 0);
        await WaitForSliceAsync(fixture, "web", ready: 0, notReady: 0);

        await fixture.Client.DeleteAsync(MemberFixture.Services, "default", "web");
        await Eventually.UntilAsync(
            async () => (await fixture.Client.ListAsync(MemberFixture.Endpoints, "default")).Items.All(e => (string?)e["metadata"]!["name"] != "web")
                && (await fixture.Client.ListAsync(MemberFixture.EndpointSlices, "default", new ListOptions { LabelSelector = "kubernetes.io/service-name=web" })).Items.Count == 0,
            Deadline,
            "endpoints and slices removed with the service");
    }

    [Fact]
    public async Task HeadlessService_OfStatefulSet_PublishesPodHostnames()
    {
        await using var fixture = await MemberFixture.StartAsync();
        var service = Service("db");
        service["spec"]!["clusterIP"] = "None";
        service["spec"]!["ports"] = new JsonArray(new JsonObject { ["name"] = "sql", ["port"] = 5432 });
        await fixture.Client.CreateAsync(MemberFixture.Services, service);
        await fixture.Client.CreateAsync(MemberFixture.StatefulSets, StatefulSetSimulationTests.StatefulSet("db", 2));

        var endpoints = await WaitForEndpointsAsync(fixture, "db", ready: 2, notReady: 0);
        Assert.Equal(["db-0", "db-1"], endpoints["subsets"]![0]!["addresses"]!.AsArray().Select(a => (string)a!["hostname"]!).Order(StringComparer.Ordinal));
        Assert.Equal(5432, (int?)endpoints["subsets"]![0]!["ports"]![0]!["port"]);
        Assert.Equal("", (string?)endpoints["metadata"]!["labels"]!["service.kubernetes.io/headless"]);
    }

    private static string? Field(JsonObject obj, string section, string field) => (string?)(obj[section] as JsonObject)?[field];

    private static JsonObject Service(string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Service",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" },
        ["spec"] = new JsonObject
        {
            ["selector"] = new JsonObject { ["app"] = name },
            ["ports"] = new JsonArray(
                new JsonObject { ["name"] = "http", ["port"] = 80, ["targetPort"] = "http" },
                new JsonObject { ["name"] = "metrics", ["port"] = 9090, ["targetPort"] = 9100 }),
        },
    };

    private static async Task<JsonObject> WaitForEndpointsAsync(MemberFixture fixture, string name, int ready, int notReady)
    {
        JsonObject? endpoints = null;
        await Eventually.UntilAsync(
            async () =>
            {
                try
                {
                    endpoints = await fixture.Client.GetAsync(MemberFixture.Endpoints, "default", name);
                }
                catch (ApiException ex) when (ex.IsNotFound())
                {
                    return false;
                }

                var subsets = endpoints["subsets"] as JsonArray ?? [];
                return subsets.Sum(s => (s!["addresses"] as JsonArray)?.Count ?? 0) == ready
                    && subsets.Sum(s => (s!["notReadyAddresses"] as JsonArray)?.Count ?? 0) == notReady;
            },
            Deadline,
            $"endpoints {name}: {ready} ready, {notReady} not ready");
        return endpoints!;
    }

    private static async Task<JsonObject> WaitForSliceAsync(MemberFixture fixture, string name, int ready, int notReady)
    {
        JsonObject? slice = null;
        await Eventually.UntilAsync(
            async () =>
            {
                var slices = (await fixture.Client.ListAsync(MemberFixture.EndpointSlices, "default", new ListOptions { LabelSelector = $"kubernetes.io/service-name={name}" })).Items;
                if (slices.Count != 1)
                {
                    return false;
                }

                slice = slices[0];
                var all = slice["endpoints"] as JsonArray ?? [];
                return all.Count(e => (bool?)e!["conditions"]!["ready"] == true) == ready
                    && all.Count(e => (bool?)e!["conditions"]!["ready"] == false) == notReady;
            },
            Deadline,
            $"endpointslice of {name}: {ready} ready, {notReady} not ready");
        return slice!;
    }
}
