using Microsoft.Extensions.Hosting;

namespace Karmada.Client.Informers;

/// <summary>The type-independent face of a <see cref="SharedInformer{T}"/>: lifecycle and sync state.</summary>
public interface ISharedInformer : IHostedService
{
    ResourceRef Resource { get; }

    /// <summary>True once the first list has been loaded into the cache and its handlers have run.</summary>
    bool HasSynced { get; }

    /// <summary>The resourceVersion the cache reflects (from the last list, watch event or bookmark).</summary>
    string? LastSyncResourceVersion { get; }

    /// <summary>Completes when <see cref="HasSynced"/> becomes true.</summary>
    Task WaitForCacheSyncAsync(CancellationToken cancellationToken);
}
