using System.Text.Json.Nodes;
using Karmada.Client;
using Karmada.Member.Simulation;

namespace Karmada.Member.Tests;

/// <summary>A controller's own writes win over a lagging informer copy, and only until the informer catches up.</summary>
public sealed class MutationCacheTests
{
    private static readonly ObjectKey Key = new("default", "web");

    [Fact]
    public void WrittenCopy_IsUsedUntilTheInformerCatchesUp()
    {
        var cache = new MutationCache();
        var v1 = Object("u1", "10");
        Assert.Same(v1, cache.Freshest(Key, v1));

        var v2 = Object("u1", "12");
        cache.Written(Key, v2);
        Assert.Same(v2, cache.Freshest(Key, v1));

        // The informer now holds a version at least as new (its own or someone else's write): it is the truth again,
        // and the written copy is dropped for good.
        var v3 = Object("u1", "13");
        Assert.Same(v3, cache.Freshest(Key, v3));
        Assert.Same(v1, cache.Freshest(Key, v1));
    }

    [Fact]
    public void WrittenCopy_NeverResurrectsADeletedOrReplacedObject()
    {
        var cache = new MutationCache();
        cache.Written(Key, Object("u1", "12"));
        Assert.Null(cache.Freshest(Key, null));

        cache.Written(Key, Object("u1", "12"));
        var replacement = Object("u2", "5");
        Assert.Same(replacement, cache.Freshest(Key, replacement));

        cache.Written(Key, Object("u1", "12"));
        cache.Forget(Key);
        var old = Object("u1", "10");
        Assert.Same(old, cache.Freshest(Key, old));
    }

    [Fact]
    public void IsOwnWrite_MatchesTheStoredCopyOfTheLastWriteOnce()
    {
        var cache = new MutationCache();
        Assert.False(cache.IsOwnWrite(Key, Object("u1", "12")));

        cache.Written(Key, Object("u1", "12"));
        Assert.False(cache.IsOwnWrite(Key, Object("u1", "13")));
        Assert.False(cache.IsOwnWrite(Key, Object("u2", "12")));
        Assert.True(cache.IsOwnWrite(Key, Object("u1", "12")));

        // Delivered: the informer holds that version now, the written copy is gone.
        var delivered = Object("u1", "12");
        Assert.False(cache.IsOwnWrite(Key, delivered));
        Assert.Same(delivered, cache.Freshest(Key, delivered));
    }

    private static JsonObject Object(string uid, string resourceVersion) => new()
    {
        ["metadata"] = new JsonObject { ["name"] = "web", ["namespace"] = "default", ["uid"] = uid, ["resourceVersion"] = resourceVersion },
    };
}
