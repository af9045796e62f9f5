using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Karmada.Client.Serialization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Karmada.Client.Informers;

/// <summary>
/// Hands out one informer per (resource, object type, scope) per process, so every controller that needs, say,
/// ResourceBindings shares one list + watch and one cache. Informers requested before <see cref="StartAsync"/> start
/// with it; informers requested later start at once. Register it as a hosted service, or start it explicitly.
/// </summary>
public sealed class InformerFactory : IHostedService, IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(ResourceRef Resource, Type Type, InformerScope Scope), ISharedInformer> _informers = [];
    private readonly KubeApiClient _client;
    private readonly SharedInformerOptions _defaults;
    private readonly TimeProvider _timeProvider;
    private readonly ILoggerFactory _loggerFactory;
    private bool _started;

    public InformerFactory(KubeApiClient client, SharedInformerOptions? defaults = null, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _defaults = defaults ?? new SharedInformerOptions();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
    }

    /// <summary>The informers created so far.</summary>
    public IReadOnlyList<ISharedInformer> Informers
    {
        get
        {
            lock (_gate)
            {
                return [.. _informers.Values];
            }
        }
    }

    /// <summary>The shared informer of unstructured objects for a resource and scope.</summary>
    public SharedInformer<JsonObject> GetInformer(ResourceRef resource, InformerScope? scope = null) =>
        GetInformer(resource, ClientJsonContext.Default.JsonObject, JsonObjectMeta.Accessor, scope);

    /// <summary>The shared informer of typed objects for a resource and scope.</summary>
    public SharedInformer<T> GetInformer<T>(ResourceRef resource, JsonTypeInfo<T> typeInfo, ObjectMetaAccessor<T> meta, InformerScope? scope = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(resource);
        scope ??= InformerScope.All;
        SharedInformer<T> informer;
        lock (_gate)
        {
            var key = (resource, typeof(T), scope);
            if (_informers.TryGetValue(key, out var existing))
            {
                return (SharedInformer<T>)existing;
            }

            informer = new SharedInformer<T>(
                _client,
                resource,
                typeInfo,
                meta,
                _defaults.With(scope.Namespace, scope.LabelSelector, scope.FieldSelector),
                _timeProvider,
                _loggerFactory.CreateLogger($"Karmada.Client.Informers.SharedInformer[{resource}]"));
            _informers[key] = informer;
            if (!_started)
            {
                return informer;
            }
        }

        // Already running: start the newcomer now. BackgroundService.StartAsync only launches the loop.
        _ = informer.StartAsync(CancellationToken.None);
        return informer;
    }

    /// <summary>Starts every informer created so far; later ones start when created.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        ISharedInformer[] toStart;
        lock (_gate)
        {
            if (_started)
            {
                return;
            }

            _started = true;
            toStart = [.. _informers.Values];
        }

        foreach (var informer in toStart)
        {
            // Not the host's start token: cancelling it would stop the informer, and it only guards startup.
            await informer.StartAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Completes when every informer created so far has synced.</summary>
    public Task WaitForCacheSyncAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(Informers.Select(i => i.WaitForCacheSyncAsync(cancellationToken)));

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        ISharedInformer[] toStop;
        lock (_gate)
        {
            if (!_started)
            {
                return;
            }

            _started = false;
            toStop = [.. _informers.Values];
        }

        await Task.WhenAll(toStop.Select(i => i.StopAsync(cancellationToken))).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        foreach (var informer in Informers)
        {
            if (informer is IDisposable disposable)
            {
                disposable.Dispose();
            }
        }
    }
}
