using System.Text.Json.Nodes;
using Karmada.ApiServer.Caching;
using Karmada.ApiServer.Http;
using Karmada.ApiServer.Registry;
using Karmada.ApiServer.Resources;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Karmada.ApiServer.Controllers;

/// <summary>
/// apiextensions-apiserver's controllers, in process: serves each CRD's versions (discovery, REST, OpenAPI), marks it
/// NamesAccepted and Established, and on deletion removes every custom resource before the CRD goes.
/// </summary>
public sealed partial class CustomResourceDefinitionController(ResourceCatalog catalog, ObjectService objects, ILogger<CustomResourceDefinitionController> logger) : BackgroundService
{
    public const string CleanupFinalizer = "customresourcecleanup.apiextensions.k8s.io";

    private readonly Dictionary<string, string> _served = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _servedGeneration = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var crds = catalog.Find("apiextensions.k8s.io", "v1", "customresourcedefinitions")!;
        var store = objects.Stores.For(crds);
        await store.Cache.Ready.WaitAsync(stoppingToken);
        var (items, revision) = store.Cache.Snapshot(store.Prefix);
        using var subscription = store.Cache.Subscribe(revision);
        foreach (var item in items)
        {
            await ReconcileAsync(crds, item, deleted: false, stoppingToken);
        }

        try
        {
            await foreach (var change in subscription.Events.ReadAllAsync(stoppingToken))
            {
                await ReconcileAsync(crds, change.Object, change.Type == WatchEventType.Deleted, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ReconcileAsync(ResourceDefinition crds, CachedObject item, bool deleted, CancellationToken cancellationToken)
    {
        try
        {
            var crd = item.ToJsonObject();
            var group = (string?)crd["spec"]?["group"] ?? "";
            var plural = (string?)crd["spec"]?["names"]?["plural"] ?? "";
            if (deleted)
            {
                Unserve(item.Summary.Name, group, plural);
                return;
            }

            if (item.Summary.HasDeletionTimestamp)
            {
                await CleanupAsync(crds, item.Summary.Name, group, plural, cancellationToken);
                return;
            }

            var generation = (long?)crd["metadata"]?["generation"] ?? 0;
            if (_servedGeneration.GetValueOrDefault(item.Summary.Name) == generation)
            {
                return;
            }

            foreach (var definition in CustomResourceDefinitions.ToDefinitions(crd))
            {
                catalog.Add(definition);
            }

            _served[item.Summary.Name] = $"{group}/{plural}";
            await MarkEstablishedAsync(crds, item.Summary.Name, cancellationToken);
            _servedGeneration[item.Summary.Name] = generation;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            LogReconcileFailed(logger, item.Summary.Name, ex);
        }
    }

    private void Unserve(string crdName, string group, string plural)
    {
        _servedGeneration.Remove(crdName);
        if (_served.Remove(crdName))
        {
            catalog.RemoveGroupResource(group, plural);
        }
    }

    private async Task MarkEstablishedAsync(ResourceDefinition crds, string name, CancellationToken cancellationToken)
    {
        var now = objects.Now();
        await objects.GuaranteedUpdateAsync(crds, null, name, "status", WriteOptions.Default, null, crd =>
        {
            var status = crd["status"] as JsonObject ?? [];
            crd["status"] = status;
            var conditions = status["conditions"] as JsonArray ?? [];
            status["conditions"] = conditions;
            SetCondition(conditions, "NamesAccepted", "NoConflicts", "no conflicts found", now);
            SetCondition(conditions, "Established", "InitialNamesAccepted", "the initial names have been accepted", now);
            status["acceptedNames"] = crd["spec"]?["names"]?.DeepClone();
            var storage = (crd["spec"]?["versions"] as JsonArray ?? []).OfType<JsonObject>()
                .Where(v => v["storage"] is JsonValue s && s.TryGetValue<bool>(out var b) && b)
                .Select(v => (string?)v["name"]).FirstOrDefault();
            var stored = (status["storedVersions"] as JsonArray ?? []).Select(v => (string?)v).ToList();
            if (storage is not null && !stored.Contains(storage))
            {
                stored.Add(storage);
            }

            status["storedVersions"] = new JsonArray(stored.Select(v => (JsonNode?)v).ToArray());
            return crd;
        }, cancellationToken);

        // The cleanup finalizer guarantees custom resources are removed before their definition.
        await objects.GuaranteedUpdateAsync(crds, null, name, "", WriteOptions.Default, null, crd =>
        {
            var finalizers = ObjectService.Finalizers(crd);
            if (!finalizers.Contains(CleanupFinalizer))
            {
                finalizers.Add(CleanupFinalizer);
                ObjectService.SetFinalizers(crd, finalizers);
            }

            return crd;
        }, cancellationToken);
    }

    private static void SetCondition(JsonArray conditions, string type, string reason, string message, string now)
    {
        var existing = conditions.OfType<JsonObject>().FirstOrDefault(c => (string?)c["type"] == type);
        if (existing is not null && (string?)existing["status"] == "True")
        {
            return;
        }

        if (existing is not null)
        {
            conditions.Remove(existing);
        }

        conditions.Add(new JsonObject
        {
            ["type"] = type,
            ["status"] = "True",
            ["lastTransitionTime"] = now,
            ["reason"] = reason,
            ["message"] = message,
        });
    }

    private async Task CleanupAsync(ResourceDefinition crds, string name, string group, string plural, CancellationToken cancellationToken)
    {
        var definition = catalog.All.FirstOrDefault(d => d.Group == group && d.Plural == plural);
        if (definition is not null)
        {
            var store = objects.Stores.For(definition);
            await store.SyncAsync(cancellationToken);
            var (items, _, _) = store.Cache.List(store.Prefix, static _ => true, null, 0);
            foreach (var item in items.Where(i => !i.Summary.HasDeletionTimestamp))
            {
                try
                {
                    await objects.DeleteAsync(definition, definition.Namespaced ? item.Summary.Namespace : null, item.Summary.Name, DeleteOptions.Default, cancellationToken);
                }
                catch (ApiException ex) when (ex.Status.Code == 404)
                {
                }
            }

            if (items.Count > 0)
            {
                // Wait for the custom resources (and their own finalizers) to go; their deletions re-trigger nothing
                // on the CRD, so poll.
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
                _ = RetryCleanupAsync(crds, name, group, plural, cancellationToken);
                return;
            }
        }

        Unserve(name, group, plural);
        await objects.GuaranteedUpdateAsync(crds, null, name, "", WriteOptions.Default, null, crd =>
        {
            var finalizers = ObjectService.Finalizers(crd);
            finalizers.Remove(CleanupFinalizer);
            ObjectService.SetFinalizers(crd, finalizers);
            return crd;
        }, cancellationToken);
    }

    private async Task RetryCleanupAsync(ResourceDefinition crds, string name, string group, string plural, CancellationToken cancellationToken)
    {
        try
        {
            await CleanupAsync(crds, name, group, plural, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogReconcileFailed(logger, name, ex);
        }
    }

    [LoggerMessage(1301, LogLevel.Warning, "Reconciling CustomResourceDefinition {Name} failed")]
    private static partial void LogReconcileFailed(ILogger logger, string name, Exception ex);
}
