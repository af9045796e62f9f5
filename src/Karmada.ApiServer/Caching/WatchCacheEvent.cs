namespace Karmada.ApiServer.Caching;

/// <summary>A change as the cache saw it; <see cref="Previous"/> lets selector-filtered watchers compute transitions.</summary>
public sealed record WatchCacheEvent(WatchEventType Type, CachedObject Object, CachedObject? Previous)
{
    public long Revision => Object.Revision;
}
