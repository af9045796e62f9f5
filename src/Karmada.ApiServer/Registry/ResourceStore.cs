using System.Text.Json.Nodes;
using Karmada.ApiServer.Caching;
using Karmada.ApiServer.Resources;
using Karmada.Storage;
using Microsoft.Extensions.Logging;

namespace Karmada.ApiServer.Registry;

/// <summary>
/// Storage of one resource (group + plural, shared by its served versions): key layout, writes to the
/// <see cref="IObjectStore"/>, and reads from the resource's <see cref="WatchCache"/> with read-your-writes.
/// </summary>
public sealed class ResourceStore : IAsyncDisposable
{
    private readonly IObjectStore _store;
    private long _lastWrite;

    public ResourceStore(IObjectStore store, string group, string plural, bool namespaced, ILogger logger)
    {
        _store = store;
        Namespaced = namespaced;
        Prefix = $"/registry/{(group.Length == 0 ? "core" : group)}/{plural}/";
        Cache = new WatchCache(store, Prefix, logger);
        Cache.Start();
    }

    public string Prefix { get; }

    public bool Namespaced { get; }

    public WatchCache Cache { get; }

    public string KeyFor(string? ns, string name) => Namespaced ? $"{Prefix}{ns}/{name}" : $"{Prefix}{name}";

    public string PrefixFor(string? ns) => Namespaced && !string.IsNullOrEmpty(ns) ? $"{Prefix}{ns}/" : Prefix;

    /// <summary>Waits until the cache reflects every write this server made to the resource.</summary>
    public Task SyncAsync(CancellationToken cancellationToken) =>
        Cache.WaitForRevisionAsync(Interlocked.Read(ref _lastWrite), cancellationToken);

    public async Task<CachedObject?> GetAsync(string key, CancellationToken cancellationToken)
    {
        await SyncAsync(cancellationToken);
        return Cache.Get(key);
    }

    // Every store copies the value it is given (IObjectStore never keeps the caller's memory), so the serialized
    // form is written into a pooled array instead of an array per write; it goes back once the stored copy is read.
    public async Task<CachedObject> CreateAsync(string key, JsonObject obj, CancellationToken cancellationToken)
    {
        using var value = ObjectJson.SerializeForStorageRented(obj);
        var stored = await _store.CreateAsync(key, value.Memory, cancellationToken);
        NoteWrite(stored.ModRevision);
        return Cache.Adopt(CachedObject.FromStored(key, stored.Value.Span, stored.ModRevision, stored.CreateRevision));
    }

    public async Task<CachedObject> UpdateAsync(string key, JsonObject obj, long expectedRevision, CancellationToken cancellationToken)
    {
        using var value = ObjectJson.SerializeForStorageRented(obj);
        var stored = await _store.UpdateAsync(key, value.Memory, expectedRevision, cancellationToken);
        NoteWrite(stored.ModRevision);
        return Cache.Adopt(CachedObject.FromStored(key, stored.Value.Span, stored.ModRevision, stored.CreateRevision));
    }

    public async Task<CachedObject> DeleteAsync(string key, long? expectedRevision, CancellationToken cancellationToken)
    {
        var stored = await _store.DeleteAsync(key, expectedRevision, cancellationToken);
        NoteWrite(stored.ModRevision);
        return CachedObject.FromStored(key, stored.Value.Span, stored.ModRevision, stored.CreateRevision);
    }

    public ValueTask DisposeAsync() => Cache.DisposeAsync();

    private void NoteWrite(long revision)
    {
        long current;
        do
        {
            current = Interlocked.Read(ref _lastWrite);
            if (revision <= current)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _lastWrite, revision, current) != current);
    }

    public static string StorageIdentity(ResourceDefinition definition) => $"{definition.Group}/{definition.Plural}";
}
