using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Karmada.Client.Informers;
using Karmada.Client.Tests.Fakes;
using Karmada.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Karmada.Client.Tests.Informers;

[Trait("Category", "Integration")]
public sealed class SharedInformerTests : FakeApiServerTest
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly FakeTimeProvider _time = new();
    private readonly ConcurrentQueue<string> _events = new();

    [Fact]
    public async Task ListWatch_ScriptedStream_KeepsTheCacheInStepAndRecovers()
    {
        using var cts = new CancellationTokenSource(Timeout);
        Server.Put(TestResources.WidgetsCollection, FakeApiServer.Widget("ns", "a", label: "web"));
        Server.Put(TestResources.WidgetsCollection, FakeApiServer.Widget("ns", "b", label: "web"));
        using var informer = NewInformer(new SharedInformerOptions { PageSize = 1 });
        informer.Indexer.AddIndex("app", JsonIndexers.ByLabel("app"));
        using var registration = informer.AddEventHandler(
            onAdd: o => _events.Enqueue($"add {Describe(o)}"),
            onUpdate: (old, o) => _events.Enqueue($"update {Describe(old)} -> {JsonObjectMeta.GetResourceVersion(o)}"),
            onDelete: o => _events.Enqueue($"delete {Describe(o)}"));

        // Initial list (in pages of one), then a watch from the list's resourceVersion.
        await informer.StartAsync(cts.Token);
        var first = await Server.NextWatchAsync(Timeout);
        await informer.WaitForCacheSyncAsync(cts.Token);
        Assert.True(informer.HasSynced);
        Assert.Equal("102", first.ResourceVersion);
        Assert.Equal("true", first.Request.QueryValue("allowWatchBookmarks"));
        Assert.Equal(2, Server.CountRequests("GET", watch: false));
        Assert.Equal("1", Server.Requests.First().QueryValue("limit"));
        Assert.Equal(["add ns/a@101", "add ns/b@102"], Drain());

        // ADDED, MODIFIED, DELETED, BOOKMARK, a bad line, then more: the bad line is skipped, nothing else is lost.
        await first.SendEventAsync("ADDED", Versioned(FakeApiServer.Widget("ns", "c", label: "db"), "103"));
        await first.SendEventAsync("MODIFIED", Versioned(FakeApiServer.Widget("ns", "a", label: "db"), "104"));
        await first.SendEventAsync("DELETED", Versioned(FakeApiServer.Widget("ns", "b", label: "web"), "105"));
        await first.SendBookmarkAsync("110");
        await first.SendLineAsync("{\"type\":\"MODIFIED\",\"object\":");
        await first.SendEventAsync("MODIFIED", Versioned(FakeApiServer.Widget("ns", "c", label: "db"), "111"));
        await Eventually.UntilAsync(() => informer.LastSyncResourceVersion == "111", Timeout, "the watch events were applied", cts.Token);
        Assert.Equal(["add ns/c@103", "update ns/a@101 -> 104", "delete ns/b@105", "update ns/c@103 -> 111"], Drain());
        Assert.Equal(["ns/a", "ns/c"], informer.Indexer.ListKeys().Order());
        Assert.Equal(["ns/a", "ns/c"], informer.Indexer.KeysByIndex("app", "db").Order());

        // A dropped connection: back off (fake time) and watch again from the last resourceVersion, without a relist.
        first.Drop();
        var second = await NextWatchAdvancingTimeAsync(cts.Token);
        Assert.Equal("111", second.ResourceVersion);
        Assert.Equal(2, Server.CountRequests("GET", watch: false));

        // A 410 ERROR event: relist, and report the differences as update, add and delete.
        Server.Remove(TestResources.WidgetsCollection, "ns", "b");
        var a = JsonObjectMeta.GetResourceVersion(Server.Put(TestResources.WidgetsCollection, FakeApiServer.Widget("ns", "a", label: "db")));
        var d = JsonObjectMeta.GetResourceVersion(Server.Put(TestResources.WidgetsCollection, FakeApiServer.Widget("ns", "d", label: "web")));
        await second.SendErrorAsync(410, "Expired", "too old resource version: 111 (200)");
        var third = await Server.NextWatchAsync(Timeout);
        Assert.Equal(Server.CurrentResourceVersion, third.ResourceVersion);
        Assert.Equal([$"update ns/a@104 -> {a}", $"add ns/d@{d}", "delete ns/c@111"], Drain());
        Assert.Equal(["ns/a", "ns/d"], informer.Indexer.ListKeys().Order());
        Assert.Equal(Server.CurrentResourceVersion, informer.LastSyncResourceVersion);

        // A clean close (the server's watch timeout): resume at once from the same resourceVersion.
        third.Close();
        var fourth = await Server.NextWatchAsync(Timeout);
        Assert.Equal(third.ResourceVersion, fourth.ResourceVersion);

        await informer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task AddEventHandler_AfterSync_ReplaysTheCacheAsAdds()
    {
        using var cts = new CancellationTokenSource(Timeout);
        Server.Put(TestResources.WidgetsCollection, FakeApiServer.Widget("ns", "a"));
        using var informer = NewInformer();
        await informer.StartAsync(cts.Token);
        await informer.WaitForCacheSyncAsync(cts.Token);

        using var registration = informer.AddEventHandler(onAdd: o => _events.Enqueue($"add {Describe(o)}"));

        Assert.Equal(["add ns/a@101"], Drain());
        await informer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Handler_ThatThrows_DoesNotStopTheOthers()
    {
        using var cts = new CancellationTokenSource(Timeout);
        Server.Put(TestResources.WidgetsCollection, FakeApiServer.Widget("ns", "a"));
        using var informer = NewInformer();
        using var bad = informer.AddEventHandler(onAdd: _ => throw new InvalidOperationException("handler bug"));
        using var good = informer.AddEventHandler(onAdd: o => _events.Enqueue($"add {Describe(o)}"));

        await informer.StartAsync(cts.Token);
        await informer.WaitForCacheSyncAsync(cts.Token);

        Assert.Equal(["add ns/a@101"], Drain());
        await informer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task List_Failing_RetriesWithBackoff()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var failures = 2;
        Server.Intercept = async (context, request) =>
        {
            if (request.IsWatch || Interlocked.Decrement(ref failures) < 0)
            {
                return false;
            }

            context.Response.StatusCode = 503;
            await context.Response.Body.WriteAsync("{\"kind\":\"Status\",\"code\":503,\"reason\":\"ServiceUnavailable\"}"u8.ToArray(), cts.Token);
            return true;
        };
        using var informer = NewInformer();

        await informer.StartAsync(cts.Token);
        await _time.AdvanceUntilAsync(() => informer.HasSynced, TimeSpan.FromMilliseconds(250), Timeout, "the informer synced after two failed lists", cts.Token);

        Assert.Equal(3, Server.CountRequests("GET", watch: false));
        await informer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task TypedInformer_DecodesThroughTheSourceGeneratedContext()
    {
        using var cts = new CancellationTokenSource(Timeout);
        Server.Put(TestResources.WidgetsCollection, FakeApiServer.Widget("ns", "a", label: "web"));
        using var informer = new SharedInformer<TestWidget>(
            Client, TestResources.Widgets, TestJsonContext.Default.TestWidget, TestWidget.Accessor,
            new SharedInformerOptions { Namespace = "ns" }, _time);
        informer.Indexer.AddIndex("app", w => w.Metadata.Labels?.TryGetValue("app", out var app) == true ? [app] : []);

        await informer.StartAsync(cts.Token);
        var watch = await Server.NextWatchAsync(Timeout);
        await watch.SendEventAsync("MODIFIED", Versioned(FakeApiServer.Widget("ns", "a", label: "db"), "150"));

        await Eventually.UntilAsync(() => informer.LastSyncResourceVersion == "150", Timeout, "the typed event was applied", cts.Token);
        var widget = Assert.Single(informer.Indexer.ByIndex("app", "db"));
        Assert.Equal("a", widget.Metadata.Name);
        Assert.Equal("/apis/example.io/v1/namespaces/ns/widgets", watch.Request.Path);
        await informer.StopAsync(CancellationToken.None);
    }

    private SharedInformer<JsonObject> NewInformer(SharedInformerOptions? options = null) =>
        new(Client, TestResources.Widgets, JsonObjectMeta.TypeInfo, JsonObjectMeta.Accessor, options, _time);

    private async Task<WatchConnection> NextWatchAdvancingTimeAsync(CancellationToken cancellationToken)
    {
        WatchConnection? next = null;
        await _time.AdvanceUntilAsync(() => Server.TryNextWatch(out next), TimeSpan.FromMilliseconds(250), Timeout, "the informer watches again", cancellationToken);
        return next!;
    }

    private List<string> Drain()
    {
        var drained = new List<string>();
        while (_events.TryDequeue(out var item))
        {
            drained.Add(item);
        }

        return drained;
    }

    private static string Describe(JsonObject obj) =>
        $"{JsonObjectMeta.Accessor.GetKey(obj)}@{JsonObjectMeta.GetResourceVersion(obj)}";

    private static JsonObject Versioned(JsonObject obj, string resourceVersion)
    {
        JsonObjectMeta.SetResourceVersion(obj, resourceVersion);
        return obj;
    }
}
