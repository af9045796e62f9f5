using System.Text.Json.Nodes;
using Karmada.Client.Informers;

namespace Karmada.Client.Tests.Informers;

/// <summary>A controller's own writes win over a lagging informer copy, and only until the informer catches up.</summary>
public sealed class MutationCacheTests
{
    private static readonly ObjectKey Key = new("default", "web");

    [Fact]
    public void WrittenCopy_IsUsedUntilTheInformerCatchesUp()
    {
        var cache = NewCache();
        var v1 = Object("u1", "10");
        Assert.Same(v1, cache.Resolve(Key, v1));

        var v2 = Object("u1", "12");
        cache.Record(Key, v2);
        Assert.Same(v2, cache.Resolve(Key, v1));

        // The informer now holds a version at least as new (its own or someone else's write): it is the truth again,
        // and the written copy is dropped for good.
        var v3 = Object("u1", "13");
        Assert.Same(v3, cache.Resolve(Key, v3));
        Assert.Same(v1, cache.Resolve(Key, v1));
    }

    [Fact]
    public void WrittenCopy_StandsInForACreateNotYetSeen_NeverForAReplacedObject()
    {
        var cache = NewCache();
        var created = Object("u1", "12");
        cache.Record(Key, created);
        Assert.Same(created, cache.Resolve(Key, null));

        cache.Record(Key, Object("u1", "12"));
        var replacement = Object("u2", "5");
        Assert.Same(replacement, cache.Resolve(Key, replacement));

        cache.Record(Key, Object("u1", "12"));
        cache.Forget(Key);
        var old = Object("u1", "10");
        Assert.Same(old, cache.Resolve(Key, old));
    }

    [Fact]
    public void IsOwnWrite_MatchesTheStoredCopyOfTheLastWriteOnce()
    {
        var cache = NewCache();
        Assert.False(cache.IsOwnWrite(Key, Object("u1", "12")));

        cache.Record(Key, Object("u1", "12"));
        Assert.False(cache.IsOwnWrite(Key, Object("u1", "13")));
        Assert.False(cache.IsOwnWrite(Key, Object("u2", "12")));
        Assert.True(cache.IsOwnWrite(Key, Object("u1", "12")));

        // Delivered: the informer holds that version now, the written copy is gone.
        var delivered = Object("u1", "12");
        Assert.False(cache.IsOwnWrite(Key, delivered));
        Assert.Same(delivered, cache.Resolve(Key, delivered));
    }

    private static MutationCache<JsonObject> NewCache() => new(JsonObjectMeta.GetResourceVersion, JsonObjectMeta.GetUid);

    private static JsonObject Object(string uid, string resourceVersion) => new()
    {
        ["metadata"] = new JsonObject { ["name"] = "web", ["namespace"] = "default", ["uid"] = uid, ["resourceVersion"] = resourceVersion },
    };
}
