using System.Globalization;
using System.Text.Json.Nodes;
using Karmada.Client;
using Karmada.Client.Informers;

namespace Karmada.Controllers.Runtime;

/// <summary>
/// Cache-first reads of any resource through the process's shared informers, as controller-runtime's cache-backed
/// client gives upstream's controllers: a reconcile that read templates, dependencies and bindings with GETs cost the
/// control plane several requests per event and, under the client's rate limit, throttled the whole pipeline. An object
/// the cache does not hold yet, or holds older than the caller knows it to be, is read from the API server instead.
/// The returned objects may be the cache's own: callers must not modify them.
/// </summary>
public sealed class CachedObjectReader
{
    /// <summary>How long a read waits for a newly started informer's first list before asking the server.</summary>
    public static readonly TimeSpan CacheSyncTimeout = TimeSpan.FromSeconds(10);

    private readonly KubeApiClient _client;
    private readonly InformerFactory _informers;

    public CachedObjectReader(KubeApiClient client, InformerFactory informers)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(informers);
        _client = client;
        _informers = informers;
    }

    /// <summary>
    /// The object, or null when it does not exist. With <paramref name="atLeastResourceVersion"/> (e.g. the template
    /// version a binding recorded) a cached copy older than that is not returned: the server's copy is.
    /// </summary>
    public async Task<JsonObject?> GetAsync(ResourceRef resource, string? @namespace, string name, string? atLeastResourceVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var ns = resource.Namespaced ? @namespace : null;
        var informer = await SyncedInformerAsync(resource, cancellationToken);
        if (informer?.Indexer.Get(new ObjectKey(ns, name)) is { } cached
            && !IsOlder(JsonObjectMeta.GetResourceVersion(cached), atLeastResourceVersion))
        {
            return cached;
        }

        try
        {
            return await _client.GetAsync(resource, ns, name, cancellationToken);
        }
        catch (ApiException ex) when (ex.IsNotFound())
        {
            return null;
        }
    }

    /// <summary>The objects of a namespace (all namespaces when null) in the cache, or on the server when the cache cannot sync.</summary>
    public async Task<IReadOnlyList<JsonObject>> ListAsync(ResourceRef resource, string? @namespace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var ns = resource.Namespaced ? @namespace : null;
        var informer = await SyncedInformerAsync(resource, cancellationToken);
        if (informer is not null)
        {
            var all = informer.Indexer.List();
            return ns is null ? all : [.. all.Where(o => JsonObjectMeta.GetNamespace(o) == ns)];
        }

        return (await _client.ListAsync(resource, ns, cancellationToken: cancellationToken)).Items;
    }

    /// <summary>
    /// Whether <paramref name="cached"/> is older than <paramref name="wanted"/>. Resource versions are opaque to
    /// clients, but this control plane's (SQLite, etcd and memory revisions) are numbers that grow with every write;
    /// versions that do not parse are only trusted when equal.
    /// </summary>
    public static bool IsOlder(string? cached, string? wanted)
    {
        if (string.IsNullOrEmpty(wanted) || cached == wanted)
        {
            return false;
        }

        return !(ulong.TryParse(cached, NumberStyles.None, CultureInfo.InvariantCulture, out var have)
            && ulong.TryParse(wanted, NumberStyles.None, CultureInfo.InvariantCulture, out var want)
            && have >= want);
    }

    private async Task<SharedInformer<JsonObject>?> SyncedInformerAsync(ResourceRef resource, CancellationToken cancellationToken)
    {
        var informer = _informers.GetInformer(resource);
        if (informer.HasSynced)
        {
            return informer;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CacheSyncTimeout);
        try
        {
            await informer.WaitForCacheSyncAsync(timeout.Token);
            return informer;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
