using System.Collections.Concurrent;
using Karmada.ApiServer.Resources;
using Karmada.Storage;
using Microsoft.Extensions.Logging;

namespace Karmada.ApiServer.Registry;

/// <summary>One <see cref="ResourceStore"/> per stored resource, created on first use and kept for the process.</summary>
public sealed class ResourceStores(IObjectStore store, ILoggerFactory loggerFactory) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<ResourceStore>> _stores = new(StringComparer.Ordinal);
    private readonly ILogger _logger = loggerFactory.CreateLogger("Karmada.ApiServer.WatchCache");

    public IObjectStore Backend => store;

    public ResourceStore For(ResourceDefinition definition) =>
        _stores.GetOrAdd(
            ResourceStore.StorageIdentity(definition),
            _ => new Lazy<ResourceStore>(() => new ResourceStore(store, definition.Group, definition.Plural, definition.Namespaced, _logger))).Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var lazy in _stores.Values)
        {
            if (lazy.IsValueCreated)
            {
                await lazy.Value.DisposeAsync();
            }
        }
    }
}
