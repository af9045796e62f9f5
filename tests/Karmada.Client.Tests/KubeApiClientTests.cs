using System.Text.Json.Nodes;
using Karmada.Client.Tests.Fakes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace Karmada.Client.Tests;

[Trait("Category", "Integration")]
public sealed class KubeApiClientTests : FakeApiServerTest
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task CreateThenGet_RoundTripsTheObject()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var created = await Client.CreateAsync(TestResources.Widgets, FakeApiServer.Widget("default", "w1"), new WriteOptions { FieldManager = "tests" }, cts.Token);

        var fetched = await Client.GetAsync(TestResources.Widgets, "default", "w1", cts.Token);

        Assert.Equal("w1", JsonObjectMeta.GetName(fetched));
        Assert.Equal(JsonObjectMeta.GetResourceVersion(created), JsonObjectMeta.GetResourceVersion(fetched));
        var post = Assert.Single(Server.Requests, r => r.Method == "POST");
        Assert.Equal("/apis/example.io/v1/namespaces/default/widgets", post.Path);
        Assert.Equal("tests", post.QueryValue("fieldManager"));
        Assert.StartsWith("application/json", post.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Missing_ThrowsNotFoundWithParsedStatus()
    {
        using var cts = new CancellationTokenSource(Timeout);

        var ex = await Assert.ThrowsAsync<ApiException>(() => Client.GetAsync(TestResources.Widgets, "default", "nope", cts.Token));

        Assert.True(ex.IsNotFound());
        Assert.False(ex.IsConflict());
        Assert.Equal(404, ex.Status.Code);
        Assert.Equal("widgets.example.io \"nope\" not found", ex.Status.Message);
        Assert.Equal("nope", ex.Status.Details?.Name);
        Assert.Equal("widgets", ex.Status.Details?.Kind);
    }

    [Fact]
    public async Task Create_Existing_ThrowsAlreadyExists()
    {
        using var cts = new CancellationTokenSource(Timeout);
        Server.Put(TestResources.WidgetsCollection, FakeApiServer.Widget("default", "w1"));

        var ex = await Assert.ThrowsAsync<ApiException>(() => Client.CreateAsync(TestResources.Widgets, FakeApiServer.Widget("default", "w1"), cancellationToken: cts.Token));

        Assert.True(ex.IsAlreadyExists());
        Assert.Equal(System.Net.HttpStatusCode.Conflict, ex.StatusCode);
    }

    [Fact]
    public async Task Update_WithStaleResourceVersion_ThrowsConflict()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var stored = Server.Put(TestResources.WidgetsCollection, FakeApiServer.Widget("default", "w1"));
        var first = (JsonObject)stored.DeepClone();
        first["spec"]!["size"] = 2;
        await Client.UpdateAsync(TestResources.Widgets, first, cancellationToken: cts.Token);

        var stale = (JsonObject)stored.DeepClone();
        stale["spec"]!["size"] = 3;
        var ex = await Assert.ThrowsAsync<ApiException>(() => Client.UpdateAsync(TestResources.Widgets, stale, cancellationToken: cts.Token));

        Assert.True(ex.IsConflict());
        Assert.Equal(2, Server.Find(TestResources.WidgetsCollection, "default", "w1")!["spec"]!["size"]!.GetValue<int>());
    }

    [Fact]
    public async Task UpdateStatus_PutsToTheStatusSubresource()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var stored = Server.Put(TestResources.WidgetsCollection, FakeApiServer.Widget("default", "w1"));
        stored["status"] = new JsonObject { ["ready"] = true };

        var updated = await Client.UpdateStatusAsync(TestResources.Widgets, stored, cancellationToken: cts.Token);

        Assert.True(updated["status"]!["ready"]!.GetValue<bool>());
        Assert.Contains(Server.Requests, r => r.Method == "PUT" && r.Path == "/apis/example.io/v1/namespaces/default/widgets/w1/status");
    }

    [Theory]
    [InlineData(PatchType.Merge, "application/merge-patch+json")]
    [InlineData(PatchType.Json, "application/json-patch+json")]
    [InlineData(PatchType.Strategic, "application/strategic-merge-patch+json")]
    [InlineData(PatchType.Apply, "application/apply-patch+yaml")]
    public async Task Patch_SendsTheContentTypeOfEachPatchType(PatchType patchType, string contentType)
    {
        using var cts = new CancellationTokenSource(Timeout);
        Server.Put(TestResources.WidgetsCollection, FakeApiServer.Widget("default", "w1"));
        JsonNode patch = patchType == PatchType.Json
            ? new JsonArray(new JsonObject { ["op"] = "replace", ["path"] = "/spec/size", ["value"] = 5 })
            : new JsonObject { ["spec"] = new JsonObject { ["size"] = 5 } };

        await Client.PatchAsync(TestResources.Widgets, "default", "w1", patchType, patch, new PatchOptions { FieldManager = "karmada", Force = true }, cts.Token);

        var request = Assert.Single(Server.Requests, r => r.Method == "PATCH");
        Assert.StartsWith(contentType, request.ContentType, StringComparison.Ordinal);
        Assert.Equal("karmada", request.QueryValue("fieldManager"));
        Assert.Equal("true", request.QueryValue("force"));
        Assert.Equal(patch.ToJsonString(), request.Body);
    }

    [Fact]
    public async Task Patch_ApplyWithoutFieldManager_IsRejectedBeforeSending()
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            Client.PatchAsync(TestResources.Widgets, "default", "w1", PatchType.Apply, new JsonObject()));
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task PatchMerge_OnSubresource_ReturnsTypedResult()
    {
        using var cts = new CancellationTokenSource(Timeout);
        Server.Put(TestResources.WidgetsCollection, FakeApiServer.Widget("default", "w1"));

        var patched = await Client.PatchAsync(
            TestResources.Widgets, "default", "w1", PatchType.Merge,
            new JsonObject { ["spec"] = new JsonObject { ["size"] = 7 } },
            TestJsonContext.Default.TestWidget,
            new PatchOptions { Subresource = "scale" },
            cts.Token);

        Assert.Equal(7, patched.Spec.Size);
        Assert.Contains(Server.Requests, r => r.Method == "PATCH" && r.Path.EndsWith("/widgets/w1/scale", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Delete_SendsDeleteOptionsAndReturnsNullForStatus()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var stored = Server.Put(TestResources.WidgetsCollection, FakeApiServer.Widget("default", "w1"));

        var result = await Client.DeleteAsync(TestResources.Widgets, "default", "w1", new DeleteOptions
        {
            PropagationPolicy = PropagationPolicy.Foreground,
            Preconditions = new DeletePreconditions { Uid = JsonObjectMeta.GetUid(stored), ResourceVersion = JsonObjectMeta.GetResourceVersion(stored) },
        }, cts.Token);

        Assert.Null(result);
        Assert.Null(Server.Find(TestResources.WidgetsCollection, "default", "w1"));
        var body = JsonNode.Parse(Assert.Single(Server.Requests, r => r.Method == "DELETE").Body)!;
        Assert.Equal("DeleteOptions", body["kind"]!.GetValue<string>());
        Assert.Equal("Foreground", body["propagationPolicy"]!.GetValue<string>());
        Assert.Equal(JsonObjectMeta.GetUid(stored), body["preconditions"]!["uid"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_WithFinalizers_ReturnsTheObjectPendingDeletion()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var widget = FakeApiServer.Widget("default", "w1");
        widget["metadata"]!["finalizers"] = new JsonArray("karmada.io/test");
        Server.Put(TestResources.WidgetsCollection, widget);

        var result = await Client.DeleteAsync(TestResources.Widgets, "default", "w1", cancellationToken: cts.Token);

        Assert.NotNull(result);
        Assert.NotNull(result["metadata"]!["deletionTimestamp"]);
    }

    [Fact]
    public async Task List_PassesSelectorsAndFollowsContinueTokens()
    {
        using var cts = new CancellationTokenSource(Timeout);
        for (var i = 0; i < 5; i++)
        {
            Server.Put(TestResources.WidgetsCollection, FakeApiServer.Widget("default", $"w{i}", label: i % 2 == 0 ? "web" : "db"));
        }

        var first = await Client.ListAsync(TestResources.Widgets, "default", new ListOptions { LabelSelector = "app=web", Limit = 2 }, cts.Token);
        var second = await Client.ListAsync(TestResources.Widgets, "default", new ListOptions { LabelSelector = "app=web", Limit = 2, Continue = first.Continue }, cts.Token);

        Assert.Equal(["w0", "w2"], first.Items.Select(JsonObjectMeta.GetName));
        Assert.NotNull(first.Continue);
        Assert.Equal(["w4"], second.Items.Select(JsonObjectMeta.GetName));
        Assert.Null(second.Continue);
        Assert.Equal(Server.CurrentResourceVersion, first.ResourceVersion);
        var request = Server.Requests.First(r => r.Method == "GET");
        Assert.Equal("app=web", request.QueryValue("labelSelector"));
        Assert.Equal("2", request.QueryValue("limit"));
    }

    [Fact]
    public async Task List_AllNamespacesTyped_UsesTheClusterWidePath()
    {
        using var cts = new CancellationTokenSource(Timeout);
        Server.Put(TestResources.WidgetsCollection, FakeApiServer.Widget("a", "w1"));
        Server.Put(TestResources.WidgetsCollection, FakeApiServer.Widget("b", "w2"));

        var list = await Client.ListAsync(TestResources.Widgets, null, TestJsonContext.Default.TestWidget, new ListOptions { FieldSelector = "metadata.name=w2" }, cts.Token);

        var widget = Assert.Single(list.Items);
        Assert.Equal("b", widget.Metadata.Namespace);
        Assert.Equal("/apis/example.io/v1/widgets", Server.Requests.Single().Path);
    }

    [Fact]
    public async Task GetRaw_ReadsDiscoveryAndHealthEndpoints()
    {
        using var cts = new CancellationTokenSource(Timeout);

        var version = await Client.GetRawAsync("/version", TestJsonContext.Default.VersionInfo, cts.Token);
        var ready = await Client.GetRawAsync("readyz", cts.Token);

        Assert.Equal("v1.31.0-fake", version.GitVersion);
        Assert.Equal("ok", ready);
    }

    [Fact]
    public async Task Error_WithoutStatusBody_IsSynthesisedFromTheHttpCode()
    {
        using var cts = new CancellationTokenSource(Timeout);
        Server.Intercept = async (context, _) =>
        {
            context.Response.StatusCode = 410;
            await context.Response.WriteAsync("gone away", cts.Token);
            return true;
        };

        var ex = await Assert.ThrowsAsync<ResourceExpiredException>(() => Client.ListAsync(TestResources.Widgets, "default", new ListOptions { Continue = "x" }, cts.Token));

        Assert.True(ex.IsGone());
        Assert.Equal("Gone", ex.Reason);
        Assert.Equal("gone away", ex.Status.Message);
    }

    [Fact]
    public async Task Watch_YieldsEventsSkipsBadLinesAndEndsWhenTheServerCloses()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var events = new List<WatchEvent<JsonObject>>();
        var consume = Task.Run(async () =>
        {
            await foreach (var e in Client.WatchAsync(TestResources.Widgets, "default", new WatchOptions { ResourceVersion = "100", TimeoutSeconds = 60, LabelSelector = "app=web" }, cts.Token))
            {
                events.Add(e);
            }
        }, cts.Token);
        var watch = await Server.NextWatchAsync(Timeout);

        await watch.SendEventAsync("ADDED", WithVersion(FakeApiServer.Widget("default", "w1"), "101"));
        await watch.SendLineAsync("{\"type\":\"ADDED\",\"object\":{broken");
        await watch.SendLineAsync(string.Empty);
        await watch.SendEventAsync("MODIFIED", WithVersion(FakeApiServer.Widget("default", "w1"), "102"));
        await watch.SendBookmarkAsync("150");
        await watch.SendEventAsync("DELETED", WithVersion(FakeApiServer.Widget("default", "w1"), "151"));
        watch.Close();
        await consume;

        Assert.Equal([WatchEventType.Added, WatchEventType.Modified, WatchEventType.Bookmark, WatchEventType.Deleted], events.Select(e => e.Type));
        Assert.Equal(["101", "102", "150", "151"], events.Select(e => JsonObjectMeta.GetResourceVersion(e.Object)));
        Assert.Equal("100", watch.Request.QueryValue("resourceVersion"));
        Assert.Equal("true", watch.Request.QueryValue("allowWatchBookmarks"));
        Assert.Equal("60", watch.Request.QueryValue("timeoutSeconds"));
        Assert.Equal("app=web", watch.Request.QueryValue("labelSelector"));
    }

    [Fact]
    public async Task Watch_ErrorEventWith410_ThrowsResourceExpired()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var seen = 0;
        var consume = Task.Run(async () =>
        {
            await foreach (var e in Client.WatchAsync(TestResources.Widgets, "default", TestJsonContext.Default.TestWidget, new WatchOptions { ResourceVersion = "1" }, cts.Token))
            {
                seen++;
            }
        }, cts.Token);
        var watch = await Server.NextWatchAsync(Timeout);

        await watch.SendEventAsync("ADDED", WithVersion(FakeApiServer.Widget("default", "w1"), "101"));
        await watch.SendErrorAsync(410, "Expired", "too old resource version: 1 (106)");

        var ex = await Assert.ThrowsAsync<ResourceExpiredException>(() => consume);
        Assert.Equal(1, seen);
        Assert.True(ex.IsGone());
        Assert.Equal("too old resource version: 1 (106)", ex.Status.Message);
        watch.Close();
    }

    [Fact]
    public async Task Watch_ErrorEventOtherThan410_ThrowsApiException()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var consume = Task.Run(async () =>
        {
            await foreach (var unused in Client.WatchAsync(TestResources.Widgets, "default", cancellationToken: cts.Token))
            {
            }
        }, cts.Token);
        var watch = await Server.NextWatchAsync(Timeout);

        await watch.SendErrorAsync(500, "InternalError", "etcd went away");

        var ex = await Assert.ThrowsAsync<ApiException>(() => consume);
        Assert.IsNotType<ResourceExpiredException>(ex);
        Assert.Equal(500, ex.Status.Code);
        watch.Close();
    }

    [Fact]
    public async Task Watch_DroppedConnection_SurfacesATransportError()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var consume = Task.Run(async () =>
        {
            await foreach (var unused in Client.WatchAsync(TestResources.Widgets, "default", cancellationToken: cts.Token))
            {
            }
        }, cts.Token);
        var watch = await Server.NextWatchAsync(Timeout);
        await watch.SendEventAsync("ADDED", WithVersion(FakeApiServer.Widget("default", "w1"), "101"));

        watch.Drop();

        var ex = await Record.ExceptionAsync(() => consume);
        Assert.True(ex is IOException or HttpRequestException, $"Unexpected {ex?.GetType()}");
    }

    [Fact]
    public async Task Watch_Cancellation_EndsTheEnumeration()
    {
        using var cts = new CancellationTokenSource(Timeout);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cts.Token);
        var received = new TaskCompletionSource();
        var consume = Task.Run(async () =>
        {
            await foreach (var unused in Client.WatchAsync(TestResources.Widgets, "default", cancellationToken: stop.Token))
            {
                received.TrySetResult();
            }
        }, cts.Token);
        var watch = await Server.NextWatchAsync(Timeout);
        await watch.SendEventAsync("ADDED", WithVersion(FakeApiServer.Widget("default", "w1"), "101"));
        await received.Task.WaitAsync(cts.Token);

        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => consume);
        watch.Close();
    }

    [Fact]
    public async Task RateLimiter_SpacesRequestsBeyondTheBurst()
    {
        var time = new FakeTimeProvider();
        using var client = new KubeApiClient(
            new k8s.KubernetesClientConfiguration { Host = Server.BaseUri.ToString() },
            new KubeApiClientOptions { Qps = 1, Burst = 2 },
            time);
        using var cts = new CancellationTokenSource(Timeout);

        await client.GetRawAsync("/readyz", cts.Token);
        await client.GetRawAsync("/readyz", cts.Token);
        var third = client.GetRawAsync("/readyz", cts.Token);

        Assert.False(third.IsCompleted);
        Assert.Equal(2, Server.Requests.Count);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("ok", await third);
    }

    [Fact]
    public async Task RequestTimeout_ThrowsTimeoutException()
    {
        var time = new FakeTimeProvider();
        using var client = new KubeApiClient(
            new k8s.KubernetesClientConfiguration { Host = Server.BaseUri.ToString() },
            new KubeApiClientOptions { RequestTimeout = TimeSpan.FromSeconds(5) },
            time);
        using var cts = new CancellationTokenSource(Timeout);
        var arrived = new TaskCompletionSource();
        Server.Intercept = async (context, _) =>
        {
            arrived.TrySetResult();
            await Task.Delay(System.Threading.Timeout.InfiniteTimeSpan, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return true;
        };

        var request = client.GetRawAsync("/readyz", cts.Token);
        await arrived.Task.WaitAsync(cts.Token);
        time.Advance(TimeSpan.FromSeconds(5));

        await Assert.ThrowsAsync<TimeoutException>(() => request);
    }

    private static JsonObject WithVersion(JsonObject obj, string resourceVersion)
    {
        JsonObjectMeta.SetResourceVersion(obj, resourceVersion);
        return obj;
    }
}
