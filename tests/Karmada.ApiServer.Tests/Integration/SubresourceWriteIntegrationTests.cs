using System.Text.Json.Nodes;
using Karmada.Client;
using Karmada.Testing.ControlPlane;

namespace Karmada.ApiServer.Tests.Integration;

/// <summary>
/// Writes through <c>/status</c> as kube-apiserver scopes them: a server-side apply to the subresource changes and
/// owns only status (its managed-fields entry says <c>subresource: status</c>), one to the main resource leaves status
/// alone; a Deployment's status write may change its annotations (upstream's status strategy resets only spec and
/// labels), which kube's Deployment controller uses for its revision.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SubresourceWriteIntegrationTests : IAsyncLifetime
{
    private static readonly ResourceRef Deployments = new("apps", "v1", "deployments", Namespaced: true);
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(1));
    private InProcessControlPlane _server = null!;

    private CancellationToken Ct => _timeout.Token;

    private KubeApiClient Client => _server.Client;

    public async Task InitializeAsync() =>
        _server = await InProcessControlPlane.StartAsync(new InProcessControlPlaneOptions { DirectoryPrefix = "subresource-writes", KarmadaResources = false });

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _timeout.Dispose();
    }

    [Fact]
    public async Task AnApplyToStatusChangesAndOwnsOnlyStatus()
    {
        await Client.PatchAsync(Deployments, "default", "web", PatchType.Apply, Deployment("web", replicas: 2), new PatchOptions { FieldManager = "owner" }, Ct);
        var statusApply = Deployment("web", replicas: 9);
        statusApply["status"] = new JsonObject { ["replicas"] = 3, ["observedGeneration"] = 1 };

        var applied = await Client.PatchAsync(Deployments, "default", "web", PatchType.Apply, statusApply, new PatchOptions { FieldManager = "reporter", Subresource = "status" }, Ct);

        Assert.Equal(2, (int?)applied["spec"]!["replicas"]);
        Assert.Equal(3, (int?)applied["status"]!["replicas"]);
        var entry = Assert.Single(ManagedFields(applied), e => (string?)e["manager"] == "reporter");
        Assert.Equal("Apply", (string?)entry["operation"]);
        Assert.Equal("status", (string?)entry["subresource"]);
        Assert.NotNull(entry["fieldsV1"]!["f:status"]);
        Assert.Null(entry["fieldsV1"]!["f:spec"]);
        Assert.Null(Assert.Single(ManagedFields(applied), e => (string?)e["manager"] == "owner")["subresource"]);
    }

    [Fact]
    public async Task AnApplyToTheMainResourceLeavesStatusAlone()
    {
        await Client.PatchAsync(Deployments, "default", "api", PatchType.Apply, Deployment("api", replicas: 1), new PatchOptions { FieldManager = "owner" }, Ct);
        var reported = Deployment("api", replicas: 1);
        reported["status"] = new JsonObject { ["replicas"] = 1 };
        await Client.PatchAsync(Deployments, "default", "api", PatchType.Apply, reported, new PatchOptions { FieldManager = "reporter", Subresource = "status" }, Ct);
        var mainApply = Deployment("api", replicas: 4);
        mainApply["status"] = new JsonObject { ["replicas"] = 40 };

        var applied = await Client.PatchAsync(Deployments, "default", "api", PatchType.Apply, mainApply, new PatchOptions { FieldManager = "owner" }, Ct);

        Assert.Equal(4, (int?)applied["spec"]!["replicas"]);
        Assert.Equal(1, (int?)applied["status"]!["replicas"]);
        Assert.Null(Assert.Single(ManagedFields(applied), e => (string?)e["manager"] == "owner")["fieldsV1"]!["f:status"]);
    }

    [Fact]
    public async Task ADeploymentStatusWriteCarriesAnnotationsButNotLabelsOrSpec()
    {
        var created = await Client.CreateAsync(Deployments, Deployment("rev", replicas: 1), cancellationToken: Ct);
        var write = created.DeepClone().AsObject();
        write["metadata"]!["annotations"] = new JsonObject { ["deployment.kubernetes.io/revision"] = "1" };
        write["metadata"]!["labels"] = new JsonObject { ["changed"] = "yes" };
        write["spec"]!["replicas"] = 5;
        write["status"] = new JsonObject { ["observedGeneration"] = 1 };

        var stored = await Client.UpdateStatusAsync(Deployments, write, cancellationToken: Ct);

        Assert.Equal("1", (string?)stored["metadata"]!["annotations"]!["deployment.kubernetes.io/revision"]);
        Assert.Equal("web", (string?)stored["metadata"]!["labels"]!["app"]);
        Assert.Null(stored["metadata"]!["labels"]!["changed"]);
        Assert.Equal(1, (int?)stored["spec"]!["replicas"]);
        Assert.Equal(1, (long?)stored["metadata"]!["generation"]);
        Assert.Equal(1, (int?)stored["status"]!["observedGeneration"]);
    }

    private static IEnumerable<JsonObject> ManagedFields(JsonObject obj) => obj["metadata"]!["managedFields"]!.AsArray().OfType<JsonObject>();

    private static JsonObject Deployment(string name, int replicas) => new()
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = "Deployment",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default", ["labels"] = new JsonObject { ["app"] = "web" } },
        ["spec"] = new JsonObject
        {
            ["replicas"] = replicas,
            ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = "web" } },
            ["template"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = "web" } },
                ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = "nginx:1.27" }) },
            },
        },
    };
}
