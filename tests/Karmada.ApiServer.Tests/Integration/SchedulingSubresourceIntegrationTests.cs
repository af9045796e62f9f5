using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using Karmada.Testing.ControlPlane;

namespace Karmada.ApiServer.Tests.Integration;

/// <summary>
/// <c>resourcebindings/scheduling</c> and <c>clusterresourcebindings/scheduling</c> over HTTP against the control
/// plane: one write and one watch event per decision, generation, conflicts, validation, discovery.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SchedulingSubresourceIntegrationTests : IAsyncLifetime
{
    private const string Bindings = "/apis/work.karmada.io/v1alpha2/namespaces/default/resourcebindings";
    private const string MergePatch = "application/merge-patch+json";
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(1));
    private InProcessControlPlane _controlPlane = null!;
    private Kubernetes _client = null!;

    private CancellationToken Ct => _timeout.Token;

    public async Task InitializeAsync()
    {
        _controlPlane = await InProcessControlPlane.StartAsync(new InProcessControlPlaneOptions { DirectoryPrefix = "scheduling-subresource" });
        _client = new Kubernetes(_controlPlane.Configuration);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _controlPlane.DisposeAsync();
        _timeout.Dispose();
    }

    [Fact]
    public async Task ADecisionIsOneWriteAndOneWatchEventThatBumpsTheGeneration()
    {
        var created = await CreateBindingAsync("web");
        var (statusCode, withStatus) = await SendAsync(HttpMethod.Patch, $"{Bindings}/web/status", new JsonObject
        {
            ["status"] = new JsonObject { ["aggregatedStatus"] = new JsonArray(new JsonObject { ["clusterName"] = "member1" }) },
        });
        Assert.Equal(HttpStatusCode.OK, statusCode);
        var version = (string)withStatus["metadata"]!["resourceVersion"]!;
        using var watch = await RawApiRequests.WatchAsync(_client, Bindings, version, Ct);

        var (code, written) = await SendAsync(HttpMethod.Patch, $"{Bindings}/web/scheduling", Decision(version, observedGeneration: 2, ("member1", 2), ("member2", 1)));

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal(1, (long?)created["metadata"]!["generation"]);
        Assert.Equal(2, (long?)written["metadata"]!["generation"]);
        Assert.Equal("""[{"name":"member1","replicas":2},{"name":"member2","replicas":1}]""", written["spec"]!["clusters"]!.ToJsonString());
        Assert.Equal(3, (int?)written["spec"]!["replicas"]);
        Assert.Equal("{}", (string?)written["metadata"]!["annotations"]!["policy.karmada.io/applied-placement"]);
        Assert.Equal(2, (long?)written["status"]!["schedulerObservedGeneration"]);
        Assert.Equal("Scheduled", (string?)written["status"]!["conditions"]![0]!["type"]);
        Assert.Equal("member1", (string?)written["status"]!["aggregatedStatus"]![0]!["clusterName"]);

        // The same clusters again: a status-only change through the subresource keeps the generation.
        var again = Decision((string)written["metadata"]!["resourceVersion"]!, observedGeneration: 2, ("member1", 2), ("member2", 1));
        again["status"]!["schedulerObservingAffinityName"] = "primary";
        var (againCode, rewritten) = await SendAsync(HttpMethod.Patch, $"{Bindings}/web/scheduling", again);
        Assert.Equal(HttpStatusCode.OK, againCode);
        Assert.Equal(2, (long?)rewritten["metadata"]!["generation"]);
        Assert.Equal("primary", (string?)rewritten["status"]!["schedulerObservingAffinityName"]);

        await CreateBindingAsync("marker");
        var events = await watch.ReadUntilAsync("ADDED", "marker", Ct);
        Assert.Equal(["MODIFIED web", "MODIFIED web", "ADDED marker"], events);
    }

    [Fact]
    public async Task AStaleResourceVersionIsAConflict()
    {
        var created = await CreateBindingAsync("stale");
        var version = (string)created["metadata"]!["resourceVersion"]!;
        var (labelled, _) = await SendAsync(HttpMethod.Patch, $"{Bindings}/stale", new JsonObject { ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["touched"] = "yes" } } });
        Assert.Equal(HttpStatusCode.OK, labelled);

        var (code, status) = await SendAsync(HttpMethod.Patch, $"{Bindings}/stale/scheduling", Decision(version, observedGeneration: 2, ("member1", 3)));

        Assert.Equal(HttpStatusCode.Conflict, code);
        Assert.Equal("Conflict", (string?)status["reason"]);
    }

    [Fact]
    public async Task AnObservedGenerationAheadOfTheBindingIsInvalid()
    {
        var created = await CreateBindingAsync("ahead");

        var (code, status) = await SendAsync(HttpMethod.Patch, $"{Bindings}/ahead/scheduling", Decision((string)created["metadata"]!["resourceVersion"]!, observedGeneration: 5, ("member1", 3)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, code);
        Assert.Equal("status.schedulerObservedGeneration", (string?)status["details"]!["causes"]![0]!["field"]);
    }

    [Fact]
    public async Task ClusterResourceBindingsServeItToo()
    {
        var (createdCode, created) = await SendAsync(HttpMethod.Post, "/apis/work.karmada.io/v1alpha2/clusterresourcebindings", BindingBody("cluster-wide", null));
        Assert.Equal(HttpStatusCode.Created, createdCode);

        var (code, written) = await SendAsync(HttpMethod.Patch, "/apis/work.karmada.io/v1alpha2/clusterresourcebindings/cluster-wide/scheduling", Decision((string)created["metadata"]!["resourceVersion"]!, observedGeneration: 2, ("member1", 3)));

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal(2, (long?)written["metadata"]!["generation"]);
        Assert.Equal("member1", (string?)written["spec"]!["clusters"]![0]!["name"]);
    }

    [Fact]
    public async Task OtherKindsDoNotServeItAndAMissingBindingIsNamed()
    {
        var (kindCode, kindStatus) = await SendAsync(HttpMethod.Patch, "/api/v1/namespaces/default/configmaps/any/scheduling", new JsonObject());
        var (nameCode, nameStatus) = await SendAsync(HttpMethod.Patch, $"{Bindings}/nope/scheduling", new JsonObject());

        Assert.Equal(HttpStatusCode.NotFound, kindCode);
        Assert.Null(kindStatus["details"]?["name"]);
        Assert.Equal(HttpStatusCode.NotFound, nameCode);
        Assert.Equal("nope", (string?)nameStatus["details"]!["name"]);
    }

    [Fact]
    public async Task DiscoveryListsTheSubresourceForBothKinds()
    {
        var (code, list) = await SendAsync(HttpMethod.Get, "/apis/work.karmada.io/v1alpha2", null);

        Assert.Equal(HttpStatusCode.OK, code);
        var names = list["resources"]!.AsArray().Select(r => (string?)r!["name"]).ToList();
        Assert.Contains("resourcebindings/scheduling", names);
        Assert.Contains("clusterresourcebindings/scheduling", names);
        Assert.DoesNotContain("works/scheduling", names);
    }

    private static JsonObject Decision(string resourceVersion, long observedGeneration, params (string Name, int Replicas)[] clusters) => new()
    {
        ["metadata"] = new JsonObject
        {
            ["resourceVersion"] = resourceVersion,
            ["annotations"] = new JsonObject { ["policy.karmada.io/applied-placement"] = "{}" },
        },
        ["spec"] = new JsonObject
        {
            ["replicas"] = 99,
            ["clusters"] = new JsonArray(clusters.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["replicas"] = c.Replicas }).ToArray()),
        },
        ["status"] = new JsonObject
        {
            ["schedulerObservedGeneration"] = observedGeneration,
            ["conditions"] = new JsonArray(new JsonObject
            {
                ["type"] = "Scheduled",
                ["status"] = "True",
                ["reason"] = "Success",
                ["message"] = "Binding has been scheduled successfully.",
                ["lastTransitionTime"] = "2026-11-28T15:00:00Z",
            }),
        },
    };

    private static JsonObject BindingBody(string name, string? ns)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (ns is not null)
        {
            metadata["namespace"] = ns;
        }

        return new JsonObject
        {
            ["apiVersion"] = "work.karmada.io/v1alpha2",
            ["kind"] = ns is null ? "ClusterResourceBinding" : "ResourceBinding",
            ["metadata"] = metadata,
            ["spec"] = new JsonObject
            {
                ["resource"] = new JsonObject { ["apiVersion"] = "apps/v1", ["kind"] = "Deployment", ["namespace"] = "default", ["name"] = name },
                ["replicas"] = 3,
            },
        };
    }

    private async Task<JsonObject> CreateBindingAsync(string name)
    {
        var (code, created) = await SendAsync(HttpMethod.Post, Bindings, BindingBody(name, "default"));
        Assert.True(code == HttpStatusCode.Created, created.ToJsonString());
        return created;
    }

    private async Task<(HttpStatusCode Code, JsonObject Body)> SendAsync(HttpMethod method, string path, JsonObject? body)
    {
        using var request = await RawApiRequests.RequestAsync(_client, method, path, Ct);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(method == HttpMethod.Patch ? MergePatch : "application/json");
        }

        using var response = await _client.HttpClient.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, JsonNode.Parse(text)!.AsObject());
    }
}
