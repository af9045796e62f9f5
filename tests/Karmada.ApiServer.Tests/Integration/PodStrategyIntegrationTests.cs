using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using Karmada.Testing.ControlPlane;

namespace Karmada.ApiServer.Tests.Integration;

/// <summary>
/// Pods as kube-apiserver serves them: the <c>pods/binding</c> subresource (one write, conflicts, preconditions,
/// discovery) and the create strategy (<c>Pending</c> with a QoS class whatever the client sent).
/// </summary>
[Trait("Category", "Integration")]
public sealed class PodStrategyIntegrationTests : IAsyncLifetime
{
    private const string Pods = "/api/v1/namespaces/default/pods";
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(1));
    private InProcessControlPlane _server = null!;
    private Kubernetes _client = null!;

    private CancellationToken Ct => _timeout.Token;

    public async Task InitializeAsync()
    {
        _server = await InProcessControlPlane.StartAsync(new InProcessControlPlaneOptions { DirectoryPrefix = "pod-strategy", KarmadaResources = false });
        _client = new Kubernetes(_server.Configuration);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
        _timeout.Dispose();
    }

    [Fact]
    public async Task ABindingSetsTheNodeInOneWriteWithoutBumpingTheGeneration()
    {
        var created = await CreatePodAsync("web");
        var version = (string)created["metadata"]!["resourceVersion"]!;
        using var watch = await RawApiRequests.WatchAsync(_client, Pods, version, Ct);

        var (code, answer) = await SendAsync(HttpMethod.Post, $"{Pods}/web/binding", Binding("web", "node-1", annotations: new JsonObject { ["scheduled-by"] = "test" }));

        Assert.Equal(HttpStatusCode.Created, code);
        Assert.Equal("Status", (string?)answer["kind"]);
        Assert.Equal("Success", (string?)answer["status"]);
        Assert.Equal(201, (int?)answer["code"]);
        var (_, bound) = await SendAsync(HttpMethod.Get, $"{Pods}/web", null);
        Assert.Equal("node-1", (string?)bound["spec"]!["nodeName"]);
        Assert.Equal("test", (string?)bound["metadata"]!["annotations"]!["scheduled-by"]);
        Assert.Equal("keep", (string?)bound["metadata"]!["annotations"]!["existing"]);
        Assert.Equal(created["metadata"]!["generation"]!.ToJsonString(), bound["metadata"]!["generation"]!.ToJsonString());
        Assert.Equal(created["metadata"]!["managedFields"]!.ToJsonString(), bound["metadata"]!["managedFields"]!.ToJsonString());
        var scheduled = Assert.Single(bound["status"]!["conditions"]!.AsArray());
        Assert.Equal("PodScheduled", (string?)scheduled!["type"]);
        Assert.Equal("True", (string?)scheduled["status"]);
        Assert.Equal("Pending", (string?)bound["status"]!["phase"]);

        await CreatePodAsync("marker");
        Assert.Equal(["MODIFIED web", "ADDED marker"], await watch.ReadUntilAsync("ADDED", "marker", Ct));
    }

    [Fact]
    public async Task BindingAnAssignedPodIsAConflictOnPodsBinding()
    {
        await CreatePodAsync("taken");
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(HttpMethod.Post, $"{Pods}/taken/binding", Binding("taken", "node-1"))).Code);

        var (code, status) = await SendAsync(HttpMethod.Post, $"{Pods}/taken/binding", Binding("taken", "node-2"));

        Assert.Equal(HttpStatusCode.Conflict, code);
        Assert.Equal("Conflict", (string?)status["reason"]);
        Assert.Equal("Operation cannot be fulfilled on pods/binding \"taken\": pod taken is already assigned to node \"node-1\"", (string?)status["message"]);
        Assert.Equal("pods/binding", (string?)status["details"]!["kind"]);
        var (_, pod) = await SendAsync(HttpMethod.Get, $"{Pods}/taken", null);
        Assert.Equal("node-1", (string?)pod["spec"]!["nodeName"]);
    }

    [Fact]
    public async Task BindingHonoursPreconditionsAndAnswersNotFoundAndBadRequests()
    {
        var created = await CreatePodAsync("guarded");

        var (wrongUid, uidStatus) = await SendAsync(HttpMethod.Post, $"{Pods}/guarded/binding", Binding("guarded", "node-1", uid: "00000000-0000-0000-0000-000000000000"));
        Assert.Equal(HttpStatusCode.Conflict, wrongUid);
        Assert.StartsWith("Operation cannot be fulfilled on pods \"guarded\": Precondition failed: UID in precondition: 00000000-0000-0000-0000-000000000000", (string?)uidStatus["message"], StringComparison.Ordinal);

        var (staleVersion, _) = await SendAsync(HttpMethod.Post, $"{Pods}/guarded/binding", Binding("guarded", "node-1", resourceVersion: "1"));
        Assert.Equal(HttpStatusCode.Conflict, staleVersion);

        var (mismatch, mismatchStatus) = await SendAsync(HttpMethod.Post, $"{Pods}/guarded/binding", Binding("other", "node-1"));
        Assert.Equal(HttpStatusCode.BadRequest, mismatch);
        Assert.Equal("name in URL does not match name in Binding object", (string?)mismatchStatus["message"]);

        var (missing, missingStatus) = await SendAsync(HttpMethod.Post, $"{Pods}/absent/binding", Binding("absent", "node-1"));
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal("pods \"absent\" not found", (string?)missingStatus["message"]);

        var (_, untouched) = await SendAsync(HttpMethod.Get, $"{Pods}/guarded", null);
        Assert.Null(untouched["spec"]!["nodeName"]);

        var exact = Binding("guarded", "node-1", uid: (string)created["metadata"]!["uid"]!, resourceVersion: (string)created["metadata"]!["resourceVersion"]!);
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(HttpMethod.Post, $"{Pods}/guarded/binding", exact)).Code);
    }

    [Fact]
    public async Task DiscoveryListsPodsBindingForCreateOnly()
    {
        var (_, core) = await SendAsync(HttpMethod.Get, "/api/v1", null);
        var binding = Assert.Single(core["resources"]!.AsArray(), r => (string?)r!["name"] == "pods/binding")!;
        Assert.Equal("Binding", (string?)binding["kind"]);
        Assert.Equal("""["create"]""", binding["verbs"]!.ToJsonString());

        await CreatePodAsync("readonly");
        var (getCode, _) = await SendAsync(HttpMethod.Get, $"{Pods}/readonly/binding", null);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, getCode);
    }

    [Fact]
    public async Task ANewPodIsPendingWithItsQosClassWhateverTheClientSent()
    {
        var pod = PodBody("qos");
        pod["spec"]!["containers"]![0]!["resources"] = JsonNode.Parse("""{"limits":{"cpu":"500m","memory":"256Mi"}}""");
        pod["status"] = JsonNode.Parse("""{"phase":"Running","qosClass":"BestEffort","podIP":"10.0.0.1"}""");

        var (code, created) = await SendAsync(HttpMethod.Post, Pods, pod);

        Assert.Equal(HttpStatusCode.Created, code);
        Assert.Equal("""{"phase":"Pending","qosClass":"Guaranteed"}""", created["status"]!.ToJsonString());
        Assert.Equal("500m", (string?)created["spec"]!["containers"]![0]!["resources"]!["requests"]!["cpu"]);

        var (_, plain) = await SendAsync(HttpMethod.Post, Pods, PodBody("plain"));
        Assert.Equal("BestEffort", (string?)plain["status"]!["qosClass"]);
    }

    [Fact]
    public async Task APodUpdateMayChangeImagesButNotTheNode()
    {
        var created = await CreatePodAsync("fixed");
        var imageUpdate = created.DeepClone().AsObject();
        imageUpdate["spec"]!["containers"]![0]!["image"] = "nginx:1.28";
        var (imageCode, updated) = await SendAsync(HttpMethod.Put, $"{Pods}/fixed", imageUpdate);
        Assert.Equal(HttpStatusCode.OK, imageCode);

        var nodeUpdate = updated.DeepClone().AsObject();
        nodeUpdate["spec"]!["nodeName"] = "node-1";
        var (nodeCode, status) = await SendAsync(HttpMethod.Put, $"{Pods}/fixed", nodeUpdate);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, nodeCode);
        Assert.StartsWith("Pod \"fixed\" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`", (string?)status["message"], StringComparison.Ordinal);
    }

    private static JsonObject PodBody(string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Pod",
        ["metadata"] = new JsonObject { ["name"] = name, ["annotations"] = new JsonObject { ["existing"] = "keep" } },
        ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = "nginx:1.27" }) },
    };

    private static JsonObject Binding(string name, string node, string? uid = null, string? resourceVersion = null, JsonObject? annotations = null)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (uid is not null)
        {
            metadata["uid"] = uid;
        }

        if (resourceVersion is not null)
        {
            metadata["resourceVersion"] = resourceVersion;
        }

        if (annotations is not null)
        {
            metadata["annotations"] = annotations;
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Binding",
            ["metadata"] = metadata,
            ["target"] = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Node", ["name"] = node },
        };
    }

    private async Task<JsonObject> CreatePodAsync(string name)
    {
        var (code, created) = await SendAsync(HttpMethod.Post, Pods, PodBody(name));
        Assert.True(code == HttpStatusCode.Created, created.ToJsonString());
        return created;
    }

    private async Task<(HttpStatusCode Code, JsonObject Body)> SendAsync(HttpMethod method, string path, JsonObject? body)
    {
        using var request = await RawApiRequests.RequestAsync(_client, method, path, Ct);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        using var response = await _client.HttpClient.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, text.Length > 0 && text[0] == '{' ? JsonNode.Parse(text)!.AsObject() : new JsonObject { ["text"] = text });
    }
}
