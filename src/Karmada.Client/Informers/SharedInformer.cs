using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Karmada.Client.Informers;

/// <summary>
/// A list + watch cache of one resource (client-go's shared informer and reflector). It lists (in pages), replaces the
/// cache, then watches from the list's resourceVersion, applying each event to the <see cref="Indexer"/> and then
/// calling the registered handlers. A watch the server ends is resumed from the last seen resourceVersion; a broken
/// watch is resumed the same way after a jittered backoff; an expired resourceVersion (410) triggers a relist, whose
/// differences reach the handlers as adds, updates and deletes. Cached objects are shared by every consumer and must
/// never be mutated (clone with <see cref="ObjectCloner"/> before changing).
/// </summary>
public sealed partial class SharedInformer<T> : BackgroundService, ISharedInformer where T : class
{
    private readonly KubeApiClient _client;
    private readonly JsonTypeInfo<T> _typeInfo;
    private readonly ObjectMetaAccessor<T> _meta;
    private readonly SharedInformerOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Serialises cache changes with handler dispatch and registration, so a handler sees every object exactly once
    // either through replay or through an event, and always in order.
    private readonly Lock _dispatchGate = new();
    private List<ResourceEventHandler<T>> _handlers = [];
    private volatile string? _lastSyncResourceVersion;

    public SharedInformer(
        KubeApiClient client,
        ResourceRef resource,
        JsonTypeInfo<T> typeInfo,
        ObjectMetaAccessor<T> meta,
        SharedInformerOptions? options = null,
        TimeProvider? timeProvider = null,
        ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(typeInfo);
        ArgumentNullException.ThrowIfNull(meta);
        _client = client;
        Resource = resource;
        _typeInfo = typeInfo;
        _meta = meta;
        _options = options ?? new SharedInformerOptions();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        Indexer = new Indexer<T>(obj => meta.GetKey(obj).ToString());
    }

    public ResourceRef Resource { get; }

    /// <summary>The watched namespace, or null for all namespaces.</summary>
    public string? Namespace => _options.Namespace;

    /// <summary>The cache. Objects in it are shared: read, never mutate.</summary>
    public Indexer<T> Indexer { get; }

    public bool HasSynced => _synced.Task.IsCompletedSuccessfully;

    public string? LastSyncResourceVersion => _lastSyncResourceVersion;

    public Task WaitForCacheSyncAsync(CancellationToken cancellationToken) => _synced.Task.WaitAsync(cancellationToken);

    /// <summary>
    /// Registers handlers. When the cache already holds objects, <see cref="ResourceEventHandler{T}.OnAdd"/> is called
    /// for each of them first. Dispose the result to unregister.
    /// </summary>
    public IDisposable AddEventHandler(ResourceEventHandler<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_dispatchGate)
        {
            _handlers = [.. _handlers, handler];
            if (handler.OnAdd is { } onAdd)
            {
                foreach (var item in Indexer.List())
                {
                    InvokeAdd(onAdd, item);
                }
            }
        }

        return new Registration(this, handler);
    }

    /// <summary>Registers handlers given as delegates; see <see cref="AddEventHandler(ResourceEventHandler{T})"/>.</summary>
    public IDisposable AddEventHandler(Action<T>? onAdd = null, Action<T, T>? onUpdate = null, Action<T>? onDelete = null) =>
        AddEventHandler(new ResourceEventHandler<T> { OnAdd = onAdd, OnUpdate = onUpdate, OnDelete = onDelete });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = new RetryBackoff(_options.InitialBackoff, _options.MaxBackoff);
        var relistWithoutProgress = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (relistWithoutProgress && !await DelayAsync(backoff.Next(), stoppingToken).ConfigureAwait(false))
            {
                return;
            }

            string resourceVersion;
            try
            {
                resourceVersion = await ListAndReplaceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogListFailed(_logger, Resource.ToString(), ex);
                if (!await DelayAsync(backoff.Next(), stoppingToken).ConfigureAwait(false))
                {
                    return;
                }

                continue;
            }

            backoff.Reset();
            var outcome = await WatchAsync(resourceVersion, backoff, stoppingToken).ConfigureAwait(false);

            // A watch that expires before delivering anything points at a server that cannot serve the list's own
            // version; relisting in a tight loop would only hammer it.
            relistWithoutProgress = outcome == WatchOutcome.RelistWithoutProgress;
        }
    }

    private enum WatchOutcome
    {
        Stopped,
        Relist,
        RelistWithoutProgress,
    }

    private async Task<string> ListAndReplaceAsync(CancellationToken cancellationToken)
    {
        var items = new List<T>();
        string? resourceVersion = null;
        string? continueToken = null;
        var pageSize = _options.PageSize;
        do
        {
            ListResult<T> page;
            try
            {
                page = await _client.ListAsync(Resource, Namespace, _typeInfo, new ListOptions
                {
                    LabelSelector = _options.LabelSelector,
                    FieldSelector = _options.FieldSelector,
                    Limit = pageSize > 0 ? pageSize : null,
                    Continue = continueToken,
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (ApiException ex) when (ex.IsGone() && continueToken is not null)
            {
                // The continue token outlived the server's snapshot: start over with one unpaged list (client-go does the same).
                items.Clear();
                resourceVersion = null;
                continueToken = null;
                pageSize = 0;
                continue;
            }

            items.AddRange(page.Items);
            resourceVersion ??= page.ResourceVersion;
            continueToken = page.Continue;
        }
        while (continueToken is not null);

        resourceVersion ??= string.Empty;
        lock (_dispatchGate)
        {
            var previous = Indexer.Replace(items);
            foreach (var item in items)
            {
                if (previous.Remove(Indexer.KeyOf(item), out var old))
                {
                    DispatchUpdate(old, item);
                }
                else
                {
                    DispatchAdd(item);
                }
            }

            foreach (var gone in previous.Values)
            {
                DispatchDelete(gone);
            }

            _lastSyncResourceVersion = resourceVersion;
        }

        LogListed(_logger, Resource.ToString(), items.Count, resourceVersion);
        _synced.TrySetResult();
        return resourceVersion;
    }

    private async Task<WatchOutcome> WatchAsync(string resourceVersion, RetryBackoff backoff, CancellationToken cancellationToken)
    {
        var progressed = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var options = new WatchOptions
                {
                    ResourceVersion = resourceVersion,
                    AllowWatchBookmarks = true,
                    TimeoutSeconds = (int)(_options.WatchTimeout.TotalSeconds * (1 + Random.Shared.NextDouble())),
                    LabelSelector = _options.LabelSelector,
                    FieldSelector = _options.FieldSelector,
                };
                LogWatching(_logger, Resource.ToString(), resourceVersion);
                await foreach (var watchEvent in _client.WatchAsync(Resource, Namespace, _typeInfo, options, cancellationToken).ConfigureAwait(false))
                {
                    resourceVersion = Apply(watchEvent) ?? resourceVersion;
                    progressed = true;
                    backoff.Reset();
                }

                // The server closed the watch (its timeout, or a restart): resume from where we are.
                LogWatchClosed(_logger, Resource.ToString(), resourceVersion);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return WatchOutcome.Stopped;
            }
            catch (ApiException ex) when (ex.IsGone())
            {
                LogExpired(_logger, Resource.ToString(), resourceVersion, ex.Status.Message ?? string.Empty);
                return progressed ? WatchOutcome.Relist : WatchOutcome.RelistWithoutProgress;
            }
            catch (ApiException ex)
            {
                // Any other error Status: the cache can no longer be trusted to be continuous, so relist after a pause.
                LogWatchError(_logger, Resource.ToString(), resourceVersion, ex);
                return await DelayAsync(backoff.Next(), cancellationToken).ConfigureAwait(false) ? WatchOutcome.Relist : WatchOutcome.Stopped;
            }
            catch (Exception ex)
            {
                // Transport failure (refused, reset, dropped mid-stream): the cache is intact up to resourceVersion.
                LogWatchInterrupted(_logger, Resource.ToString(), resourceVersion, ex);
                if (!await DelayAsync(backoff.Next(), cancellationToken).ConfigureAwait(false))
                {
                    return WatchOutcome.Stopped;
                }
            }
        }

        return WatchOutcome.Stopped;
    }

    /// <summary>Applies one event to the cache and the handlers; returns the resourceVersion it carries.</summary>
    private string? Apply(WatchEvent<T> watchEvent)
    {
        var obj = watchEvent.Object;
        var resourceVersion = _meta.GetResourceVersion(obj);
        lock (_dispatchGate)
        {
            switch (watchEvent.Type)
            {
                case WatchEventType.Added:
                case WatchEventType.Modified:
                    var old = Indexer.Upsert(obj);
                    if (old is null)
                    {
                        DispatchAdd(obj);
                    }
                    else
                    {
                        DispatchUpdate(old, obj);
                    }

                    break;

                case WatchEventType.Deleted:
                    // Like client-go, a delete of an object the cache never held is not news to anyone.
                    if (Indexer.Remove(Indexer.KeyOf(obj)) is not null)
                    {
                        DispatchDelete(obj);
                    }

                    break;

                case WatchEventType.Bookmark:
                    break;
            }

            if (!string.IsNullOrEmpty(resourceVersion))
            {
                _lastSyncResourceVersion = resourceVersion;
            }
        }

        return string.IsNullOrEmpty(resourceVersion) ? null : resourceVersion;
    }

    // The handlers are called inline (no closure per handler per event): one faulty handler must not starve the
    // others or stop the informer, so each call is guarded on its own.
    private void DispatchAdd(T obj)
    {
        foreach (var handler in _handlers)
        {
            InvokeAdd(handler.OnAdd, obj);
        }
    }

    private void DispatchUpdate(T old, T obj)
    {
        foreach (var handler in _handlers)
        {
            if (handler.OnUpdate is { } onUpdate)
            {
                try
                {
                    onUpdate(old, obj);
                }
                catch (Exception ex)
                {
                    LogHandlerFailed(_logger, Resource.ToString(), "update", ex);
                }
            }
        }
    }

    private void DispatchDelete(T obj)
    {
        foreach (var handler in _handlers)
        {
            if (handler.OnDelete is { } onDelete)
            {
                try
                {
                    onDelete(obj);
                }
                catch (Exception ex)
                {
                    LogHandlerFailed(_logger, Resource.ToString(), "delete", ex);
                }
            }
        }
    }

    private void InvokeAdd(Action<T>? onAdd, T obj)
    {
        if (onAdd is null)
        {
            return;
        }

        try
        {
            onAdd(obj);
        }
        catch (Exception ex)
        {
            LogHandlerFailed(_logger, Resource.ToString(), "add", ex);
        }
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private void RemoveHandler(ResourceEventHandler<T> handler)
    {
        lock (_dispatchGate)
        {
            _handlers = [.. _handlers.Where(h => !ReferenceEquals(h, handler))];
        }
    }

    // Event ids 3100-3199: informers. Next free id: 3108.
    [LoggerMessage(3100, LogLevel.Debug, "Listed {Resource}: {Count} objects at resourceVersion {ResourceVersion}")]
    private static partial void LogListed(ILogger logger, string resource, int count, string resourceVersion);

    [LoggerMessage(3101, LogLevel.Warning, "Listing {Resource} failed; retrying with backoff")]
    private static partial void LogListFailed(ILogger logger, string resource, Exception exception);

    [LoggerMessage(3102, LogLevel.Debug, "Watching {Resource} from resourceVersion {ResourceVersion}")]
    private static partial void LogWatching(ILogger logger, string resource, string resourceVersion);

    [LoggerMessage(3103, LogLevel.Debug, "The server closed the watch of {Resource} at resourceVersion {ResourceVersion}; resuming")]
    private static partial void LogWatchClosed(ILogger logger, string resource, string resourceVersion);

    [LoggerMessage(3104, LogLevel.Information, "The watch of {Resource} expired at resourceVersion {ResourceVersion} ({Message}); relisting")]
    private static partial void LogExpired(ILogger logger, string resource, string resourceVersion, string message);

    [LoggerMessage(3105, LogLevel.Warning, "The watch of {Resource} failed at resourceVersion {ResourceVersion}; relisting")]
    private static partial void LogWatchError(ILogger logger, string resource, string resourceVersion, Exception exception);

    [LoggerMessage(3106, LogLevel.Warning, "The watch of {Resource} broke at resourceVersion {ResourceVersion}; resuming after backoff")]
    private static partial void LogWatchInterrupted(ILogger logger, string resource, string resourceVersion, Exception exception);

    [LoggerMessage(3107, LogLevel.Error, "An {Kind} handler of the {Resource} informer threw")]
    private static partial void LogHandlerFailed(ILogger logger, string resource, string kind, Exception exception);

    private sealed class Registration(SharedInformer<T> informer, ResourceEventHandler<T> handler) : IDisposable
    {
        public void Dispose() => informer.RemoveHandler(handler);
    }
}
