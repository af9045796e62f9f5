using System.Text.Json.Nodes;
using Karmada.ApiServer.Caching;
using Karmada.ApiServer.Http;
using Karmada.ApiServer.Registry;
using Karmada.ApiServer.Resources;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Karmada.ApiServer.Controllers;

/// <summary>
/// kube-controller-manager's namespace controller, in process: when a namespace is terminating it deletes
/// everything in it, waits until the contents are gone (their own finalizers may take time), then clears the
/// <c>kubernetes</c> finalizer so the namespace itself goes. Also creates the system namespaces at start.
/// </summary>
public sealed partial class NamespaceLifecycleController(ResourceCatalog catalog, ObjectService objects, ILogger<NamespaceLifecycleController> logger) : BackgroundService
{
    public static readonly string[] SystemNamespaces = ["default", "kube-system", "kube-public", "kube-node-lease"];

    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _systemNamespacesCreated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();

    /// <summary>Extra namespaces to create at start (the control plane adds karmada-system and karmada-cluster).</summary>
    public IReadOnlyList<string> ExtraNamespaces { get; init; } = [];

    /// <summary>
    /// Completes once the system namespaces exist. The server reports itself started only after this, as
    /// kube-apiserver's bootstrap post-start hook gates readiness: clients that write into <c>default</c> right after
    /// start must not get 404.
    /// </summary>
#pragma warning disable VSTHRD003 // completed by this controller's own loop, with RunContinuationsAsynchronously
    public Task SystemNamespacesCreated => _systemNamespacesCreated.Task;
#pragma warning restore VSTHRD003

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var namespaces = catalog.Find("", "v1", "namespaces")!;
        var store = objects.Stores.For(namespaces);
        try
        {
            await store.Cache.Ready.WaitAsync(stoppingToken);
            await EnsureSystemNamespacesAsync(namespaces, stoppingToken);
            _systemNamespacesCreated.TrySetResult();
        }
        catch (Exception ex)
        {
            _systemNamespacesCreated.TrySetException(ex);
            throw;
        }

        var (items, revision) = store.Cache.Snapshot(store.Prefix);
        using var subscription = store.Cache.Subscribe(revision);
        foreach (var item in items)
        {
            Consider(namespaces, item, stoppingToken);
        }

        try
        {
            await foreach (var change in subscription.Events.ReadAllAsync(stoppingToken))
            {
                if (change.Type != WatchEventType.Deleted)
                {
                    Consider(namespaces, change.Object, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task EnsureSystemNamespacesAsync(ResourceDefinition namespaces, CancellationToken cancellationToken)
    {
        foreach (var name in SystemNamespaces.Concat(ExtraNamespaces))
        {
            if (await objects.GetAsync(namespaces, null, name, cancellationToken) is not null)
            {
                continue;
            }

            try
            {
                await objects.CreateAsync(namespaces, null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = name } }, WriteOptions.Default, cancellationToken);
            }
            catch (ApiException ex) when (ex.Status.Code == 409)
            {
            }
        }
    }

    private void Consider(ResourceDefinition namespaces, CachedObject ns, CancellationToken cancellationToken)
    {
        if (!ns.Summary.HasDeletionTimestamp)
        {
            return;
        }

        lock (_gate)
        {
            if (!_inProgress.Add(ns.Summary.Name))
            {
                return;
            }
        }

        _ = FinalizeAsync(namespaces, ns.Summary.Name, cancellationToken);
    }

    private async Task FinalizeAsync(ResourceDefinition namespaces, string name, CancellationToken cancellationToken)
    {
        try
        {
            var delay = TimeSpan.FromMilliseconds(50);
            while (!cancellationToken.IsCancellationRequested)
            {
                var remaining = await DeleteContentAsync(name, cancellationToken);
                if (remaining == 0)
                {
                    break;
                }

                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 2000));
            }

            await objects.GuaranteedUpdateAsync(namespaces, null, name, "finalize", WriteOptions.Default, null, obj =>
            {
                if (obj["spec"] is JsonObject spec)
                {
                    spec.Remove("finalizers");
                }

                return obj;
            }, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (ApiException ex) when (ex.Status.Code == 404)
        {
        }
        catch (Exception ex)
        {
            LogFinalizeFailed(logger, name, ex);
        }
        finally
        {
            lock (_gate)
            {
                _inProgress.Remove(name);
            }
        }
    }

    /// <summary>Deletes every object in the namespace; returns how many still exist.</summary>
    private async Task<int> DeleteContentAsync(string ns, CancellationToken cancellationToken)
    {
        var remaining = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var resource in catalog.All.Where(r => r.Namespaced))
        {
            if (!seen.Add(ResourceStore.StorageIdentity(resource)))
            {
                continue;
            }

            var store = objects.Stores.For(resource);
            await store.SyncAsync(cancellationToken);
            var (items, _, _) = store.Cache.List(store.PrefixFor(ns), static _ => true, null, 0);
            remaining += items.Count;
            foreach (var item in items.Where(i => !i.Summary.HasDeletionTimestamp))
            {
                try
                {
                    await objects.DeleteAsync(resource, ns, item.Summary.Name, new DeleteOptions { PropagationPolicy = "Background", UserName = "system:serviceaccount:kube-system:namespace-controller" }, cancellationToken);
                }
                catch (ApiException ex) when (ex.Status.Code == 404)
                {
                }
            }
        }

        return remaining;
    }

    [LoggerMessage(1201, LogLevel.Warning, "Finalizing namespace {Namespace} failed")]
    private static partial void LogFinalizeFailed(ILogger logger, string @namespace, Exception ex);
}
