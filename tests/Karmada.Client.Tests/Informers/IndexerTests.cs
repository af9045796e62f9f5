using System.Text.Json.Nodes;
using Karmada.Client.Informers;
using Karmada.Client.Tests.Fakes;

namespace Karmada.Client.Tests.Informers;

public sealed class IndexerTests
{
    [Fact]
    public void Upsert_MaintainsSecondaryIndexes()
    {
        var indexer = NewIndexer();
        indexer.Upsert(FakeApiServer.Widget("ns1", "a", label: "web"));
        indexer.Upsert(FakeApiServer.Widget("ns1", "b", label: "db"));
        indexer.Upsert(FakeApiServer.Widget("ns2", "c", label: "web"));

        Assert.Equal(["ns1/a", "ns2/c"], indexer.KeysByIndex("app", "web").Order());
        Assert.Equal(["a", "b"], indexer.ByIndex(JsonIndexers.NamespaceIndex, "ns1").Select(JsonObjectMeta.GetName).Order());

        var old = indexer.Upsert(FakeApiServer.Widget("ns1", "a", label: "db"));

        Assert.NotNull(old);
        Assert.Equal(["ns2/c"], indexer.KeysByIndex("app", "web"));
        Assert.Equal(["ns1/a", "ns1/b"], indexer.KeysByIndex("app", "db").Order());
        Assert.Equal(3, indexer.Count);
    }

    [Fact]
    public void Remove_DropsIndexEntries()
    {
        var indexer = NewIndexer();
        indexer.Upsert(FakeApiServer.Widget("ns1", "a", label: "web"));

        var removed = indexer.Remove("ns1/a");

        Assert.NotNull(removed);
        Assert.Empty(indexer.ByIndex("app", "web"));
        Assert.Null(indexer.Get(new ObjectKey("ns1", "a")));
        Assert.Null(indexer.Remove("ns1/a"));
    }

    [Fact]
    public void AddIndex_OnPopulatedCache_IndexesExistingObjects()
    {
        var indexer = new Indexer<JsonObject>(o => JsonObjectMeta.Accessor.GetKey(o).ToString());
        indexer.Upsert(FakeApiServer.Widget("ns1", "a", label: "web"));

        indexer.AddIndex("app", JsonIndexers.ByLabel("app"));

        Assert.Single(indexer.ByIndex("app", "web"));
        Assert.Throws<InvalidOperationException>(() => indexer.AddIndex("app", JsonIndexers.ByLabel("app")));
        Assert.Throws<ArgumentException>(() => indexer.ByIndex("missing", "x"));
    }

    [Fact]
    public void Replace_SwapsContentAndReturnsThePrevious()
    {
        var indexer = NewIndexer();
        indexer.Upsert(FakeApiServer.Widget("ns1", "a", label: "web"));

        var previous = indexer.Replace([FakeApiServer.Widget("ns1", "b", label: "web")]);

        Assert.Equal(["ns1/a"], previous.Keys);
        Assert.Equal(["ns1/b"], indexer.ListKeys());
        Assert.Equal(["ns1/b"], indexer.KeysByIndex("app", "web"));
    }

    [Fact]
    public void OwnerIndex_FindsDependentsByOwnerUid()
    {
        var indexer = NewIndexer();
        indexer.AddIndex(JsonIndexers.OwnerUidIndex, JsonIndexers.ByOwnerUid);
        var child = FakeApiServer.Widget("ns1", "child");
        child["metadata"]!["ownerReferences"] = new JsonArray(new JsonObject { ["kind"] = "Widget", ["name"] = "parent", ["uid"] = "uid-1" });
        indexer.Upsert(child);

        Assert.Equal(["ns1/child"], indexer.KeysByIndex(JsonIndexers.OwnerUidIndex, "uid-1"));
    }

    [Fact]
    public void Upsert_RunsIndexFunctionsOncePerWrite_AndRemoveRunsNone()
    {
        var calls = 0;
        var indexer = new Indexer<JsonObject>(o => JsonObjectMeta.Accessor.GetKey(o).ToString());
        indexer.AddIndex("app", o =>
        {
            calls++;
            return JsonIndexers.ByLabel("app")(o);
        });

        indexer.Upsert(FakeApiServer.Widget("ns1", "a", label: "web"));
        indexer.Upsert(FakeApiServer.Widget("ns1", "a", label: "web"));
        indexer.Upsert(FakeApiServer.Widget("ns1", "a", label: "db"));
        indexer.Remove("ns1/a");

        Assert.Equal(3, calls);
        Assert.Empty(indexer.KeysByIndex("app", "web"));
        Assert.Empty(indexer.KeysByIndex("app", "db"));
    }

    [Fact]
    public void AddIndex_OnPopulatedCache_LaterUpdatesMoveTheKeyInEveryIndex()
    {
        var indexer = new Indexer<JsonObject>(o => JsonObjectMeta.Accessor.GetKey(o).ToString());
        indexer.AddIndex(JsonIndexers.NamespaceIndex, JsonIndexers.ByNamespace);
        indexer.Upsert(FakeApiServer.Widget("ns1", "a", label: "web"));
        indexer.AddIndex("app", JsonIndexers.ByLabel("app"));

        indexer.Upsert(FakeApiServer.Widget("ns1", "a", label: "db"));

        Assert.Empty(indexer.KeysByIndex("app", "web"));
        Assert.Equal(["ns1/a"], indexer.KeysByIndex("app", "db"));
        Assert.Equal(["ns1/a"], indexer.KeysByIndex(JsonIndexers.NamespaceIndex, "ns1"));

        indexer.Remove("ns1/a");

        Assert.Empty(indexer.KeysByIndex("app", "db"));
        Assert.Empty(indexer.KeysByIndex(JsonIndexers.NamespaceIndex, "ns1"));
    }

    [Fact]
    public void Upsert_ThrowingIndexFunction_LeavesTheCacheAsItWas()
    {
        var indexer = NewIndexer();
        indexer.Upsert(FakeApiServer.Widget("ns1", "a", label: "web"));
        indexer.AddIndex("fails-on-db", o => JsonObjectMeta.GetLabel(o, "app") == "db" ? throw new InvalidOperationException("boom") : []);

        Assert.Throws<InvalidOperationException>(() => indexer.Upsert(FakeApiServer.Widget("ns1", "a", label: "db")));

        Assert.Equal("web", JsonObjectMeta.GetLabel(indexer.Get("ns1/a")!, "app"));
        Assert.Equal(["ns1/a"], indexer.KeysByIndex("app", "web"));
    }

    private static Indexer<JsonObject> NewIndexer()
    {
        var indexer = new Indexer<JsonObject>(o => JsonObjectMeta.Accessor.GetKey(o).ToString());
        indexer.AddIndex(JsonIndexers.NamespaceIndex, JsonIndexers.ByNamespace);
        indexer.AddIndex("app", JsonIndexers.ByLabel("app"));
        return indexer;
    }
}
