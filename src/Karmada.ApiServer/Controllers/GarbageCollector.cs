using System.Text.Json.Nodes;
using System.Threading.Channels;
using Karmada.ApiServer.Caching;
using Karmada.ApiServer.Http;
using Karmada.ApiServer.Registry;
using Karmada.ApiServer.Resources;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Karmada.ApiServer.Controllers;

/// <summary>
/// kube-controller-manager's garbage collector, in process: keeps a graph of every object's ownerReferences from
/// the watch caches and deletes dependents whose owners are gone (background), deletes dependents before their
/// owner (foreground, <c>foregroundDeletion</c> finalizer), or strips references (orphan, <c>orphan</c> finalizer).
/// </summary>
public sealed partial class GarbageCollector(ResourceCatalog catalog, ObjectService objects, ILogger<GarbageCollector> logger) : BackgroundService
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Node> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _dependents = new(StringComparer.Ordinal);
    private readonly Channel<string> _queue = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly HashSet<string> _queued = new(StringComparer.Ordinal);
    private readonly HashSet<string> _watched = new(StringComparer.Ordinal);
    private readonly List<Task> _pumps = [];
    private CancellationToken _stopping;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        catalog.Changed += WatchAll;
        try
        {
            WatchAll();
            await foreach (var uid in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                lock (_gate)
                {
                    _queued.Remove(uid);
                }

                try
                {
                    await ProcessAsync(uid, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    LogProcessFailed(logger, uid, ex);
                    _ = RequeueLaterAsync(uid, stoppingToken);
                }
            }
        }
        finally
        {
            catalog.Changed -= WatchAll;
        }
    }

    private void WatchAll()
    {
        foreach (var definition in catalog.All)
        {
            var identity = ResourceStore.StorageIdentity(definition);
            lock (_gate)
            {
                if (!_watched.Add(identity))
                {
                    continue;
                }

                _pumps.Add(PumpAsync(definition, _stopping));
            }
        }
    }

    private async Task PumpAsync(ResourceDefinition resource, CancellationToken cancellationToken)
    {
        var store = objects.Stores.For(resource);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await store.Cache.Ready.WaitAsync(cancellationToken);
                var (items, revision) = store.Cache.Snapshot(store.Prefix);
                using var subscription = store.Cache.Subscribe(revision);
                foreach (var item in items)
                {
                    Observe(resource, item, deleted: false);
                }

                await foreach (var change in subscription.Events.ReadAllAsync(cancellationToken))
                {
                    Observe(resource, change.Object, change.Type == WatchEventType.Deleted);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogPumpRestart(logger, resource.QualifiedResource, ex);
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            }
        }
    }

    private void Observe(ResourceDefinition resource, CachedObject obj, bool deleted)
    {
        var summary = obj.Summary;
        if (summary.Uid.Length == 0)
        {
            return;
        }

        lock (_gate)
        {
            _nodes.TryGetValue(summary.Uid, out var previous);
            if (previous is not null)
            {
                foreach (var owner in previous.Owners)
                {
                    if (_dependents.TryGetValue(owner.Uid, out var set))
                    {
                        set.Remove(summary.Uid);
                        if (set.Count == 0)
                        {
                            _dependents.Remove(owner.Uid);
                        }
                    }
                }
            }

            if (deleted)
            {
                _nodes.Remove(summary.Uid);
                if (_dependents.TryGetValue(summary.Uid, out var orphans))
                {
                    foreach (var dependent in orphans)
                    {
                        Enqueue(dependent);
                    }
                }

                foreach (var owner in summary.OwnerReferences)
                {
                    if (_nodes.TryGetValue(owner.Uid, out var ownerNode) && ownerNode.Terminating)
                    {
                        Enqueue(owner.Uid);
                    }
                }

                return;
            }

            var node = new Node(resource, summary.Namespace, summary.Name, summary.OwnerReferences, summary.HasDeletionTimestamp, summary.Finalizers);
            _nodes[summary.Uid] = node;
            foreach (var owner in node.Owners)
            {
                if (!_dependents.TryGetValue(owner.Uid, out var set))
                {
                    set = new HashSet<string>(StringComparer.Ordinal);
                    _dependents[owner.Uid] = set;
                }

                set.Add(summary.Uid);
            }

            var ownersChanged = previous is null || !previous.Owners.SequenceEqual(node.Owners);
            if (node.Owners.Count > 0 && ownersChanged)
            {
                Enqueue(summary.Uid);
            }

            if (node.Terminating && (node.Finalizers.Contains("foregroundDeletion") || node.Finalizers.Contains("orphan")))
            {
                Enqueue(summary.Uid);
            }
        }
    }

    private void Enqueue(string uid)
    {
        if (_queued.Add(uid))
        {
            _queue.Writer.TryWrite(uid);
        }
    }

    private async Task RequeueLaterAsync(string uid, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            lock (_gate)
            {
                Enqueue(uid);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task ProcessAsync(string uid, CancellationToken cancellationToken)
    {
        Node? node;
        List<string> dependents;
        lock (_gate)
        {
            if (!_nodes.TryGetValue(uid, out node))
            {
                return;
            }

            dependents = _dependents.TryGetValue(uid, out var set) ? [.. set] : [];
        }

        if (node.Terminating && node.Finalizers.Contains("orphan"))
        {
            await OrphanDependentsAsync(uid, dependents, cancellationToken);
            await RemoveFinalizerAsync(node, "orphan", cancellationToken);
            return;
        }

        if (node.Terminating && node.Finalizers.Contains("foregroundDeletion"))
        {
            var blocking = 0;
            foreach (var dependentUid in dependents)
            {
                Node? dependent;
                lock (_gate)
                {
                    _nodes.TryGetValue(dependentUid, out dependent);
                }

                if (dependent is null)
                {
                    continue;
                }

                if (dependent.Owners.Any(o => o.Uid == uid && o.BlockOwnerDeletion))
                {
                    blocking++;
                }

                if (!dependent.Terminating)
                {
                    await DeleteAsync(dependent, "Foreground", cancellationToken);
                }
            }

            if (blocking == 0)
            {
                await RemoveFinalizerAsync(node, "foregroundDeletion", cancellationToken);
            }

            return;
        }

        if (node.Owners.Count > 0 && !node.Terminating)
        {
            await CollectIfOrphanedAsync(node, cancellationToken);
        }
    }

    private async Task CollectIfOrphanedAsync(Node node, CancellationToken cancellationToken)
    {
        var solid = false;
        var waitingForeground = false;
        foreach (var owner in node.Owners)
        {
            var state = await OwnerStateAsync(node, owner, cancellationToken);
            if (state == OwnerState.Present)
            {
                solid = true;
            }
            else if (state == OwnerState.DeletingForeground)
            {
                waitingForeground = true;
            }
        }

        if (solid)
        {
            return;
        }

        await DeleteAsync(node, waitingForeground ? "Foreground" : "Background", cancellationToken);
    }

    private async Task<OwnerState> OwnerStateAsync(Node dependent, OwnerReference owner, CancellationToken cancellationToken)
    {
        var (group, version) = SplitApiVersion(owner.ApiVersion);
        var resource = catalog.FindKind(group, version, owner.Kind) ?? catalog.FindKindAnyVersion(group, owner.Kind);
        if (resource is null)
        {
            // An owner of a kind nobody serves cannot be verified; upstream keeps such dependents.
            return OwnerState.Present;
        }

        var found = await objects.GetAsync(resource, resource.Namespaced ? dependent.Namespace : null, owner.Name, cancellationToken);
        if (found is null || found.Summary.Uid != owner.Uid)
        {
            return OwnerState.Absent;
        }

        return found.Summary.HasDeletionTimestamp && found.Summary.Finalizers.Contains("foregroundDeletion")
            ? OwnerState.DeletingForeground
            : OwnerState.Present;
    }

    private async Task DeleteAsync(Node node, string propagation, CancellationToken cancellationToken)
    {
        try
        {
            await objects.DeleteAsync(node.Resource, NamespaceOf(node), node.Name, new DeleteOptions { PropagationPolicy = propagation, UserName = "system:serviceaccount:kube-system:generic-garbage-collector" }, cancellationToken);
        }
        catch (ApiException ex) when (ex.Status.Code == 404)
        {
        }
    }

    private async Task OrphanDependentsAsync(string ownerUid, List<string> dependents, CancellationToken cancellationToken)
    {
        foreach (var dependentUid in dependents)
        {
            Node? dependent;
            lock (_gate)
            {
                _nodes.TryGetValue(dependentUid, out dependent);
            }

            if (dependent is null)
            {
                continue;
            }

            try
            {
                await objects.GuaranteedUpdateAsync(dependent.Resource, NamespaceOf(dependent), dependent.Name, "", WriteOptions.Default, null, obj =>
                {
                    if (obj["metadata"]?["ownerReferences"] is JsonArray refs)
                    {
                        foreach (var r in refs.Where(r => (string?)r?["uid"] == ownerUid).ToList())
                        {
                            refs.Remove(r);
                        }

                        if (refs.Count == 0)
                        {
                            obj["metadata"]!.AsObject().Remove("ownerReferences");
                        }
                    }

                    return obj;
                }, cancellationToken);
            }
            catch (ApiException ex) when (ex.Status.Code == 404)
            {
            }
        }
    }

    private async Task RemoveFinalizerAsync(Node node, string finalizer, CancellationToken cancellationToken)
    {
        try
        {
            await objects.GuaranteedUpdateAsync(node.Resource, NamespaceOf(node), node.Name, "", WriteOptions.Default, null, obj =>
            {
                var finalizers = ObjectService.Finalizers(obj);
                finalizers.Remove(finalizer);
                ObjectService.SetFinalizers(obj, finalizers);
                return obj;
            }, cancellationToken);
        }
        catch (ApiException ex) when (ex.Status.Code == 404)
        {
        }
    }

    private static string? NamespaceOf(Node node) => node.Resource.Namespaced ? node.Namespace : null;

    private static (string Group, string Version) SplitApiVersion(string apiVersion)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? ("", apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
    }

    [LoggerMessage(1101, LogLevel.Warning, "Garbage collection of {Uid} failed; retrying")]
    private static partial void LogProcessFailed(ILogger logger, string uid, Exception ex);

    [LoggerMessage(1102, LogLevel.Warning, "Garbage collector lost its watch on {Resource}; restarting")]
    private static partial void LogPumpRestart(ILogger logger, string resource, Exception ex);

    private enum OwnerState
    {
        Present,
        Absent,
        DeletingForeground,
    }

    private sealed record Node(ResourceDefinition Resource, string Namespace, string Name, IReadOnlyList<OwnerReference> Owners, bool Terminating, IReadOnlyList<string> Finalizers);
}
