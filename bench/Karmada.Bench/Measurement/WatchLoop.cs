using System.Text.Json.Nodes;
using Karmada.Client;

namespace Karmada.Bench.Measurement;

/// <summary>
/// The list + watch loop every benchmark observer runs: lists a resource across all namespaces (each item reported as
/// <see cref="WatchEventType.Added"/>), then follows the collection from the list's version, resuming from the last
/// version seen after a dropped stream and listing again after 410 Gone, until cancelled.
/// </summary>
public static class WatchLoop
{
    /// <param name="client">The API server to watch.</param>
    /// <param name="resource">The resource, across all namespaces.</param>
    /// <param name="onEvent">Called for each listed object and each watch event.</param>
    /// <param name="onListed">Called after each complete list (the caller's view is then in sync).</param>
    /// <param name="cancellationToken">Ends the loop.</param>
    public static async Task RunAsync(KubeApiClient client, ResourceRef resource, Action<WatchEventType, JsonObject> onEvent, Action? onListed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(onEvent);
        string? resourceVersion = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (resourceVersion is null)
                {
                    var list = await client.ListAsync(resource, null, cancellationToken: cancellationToken);
                    foreach (var item in list.Items)
                    {
                        onEvent(WatchEventType.Added, item);
                    }

                    resourceVersion = list.ResourceVersion;
                    onListed?.Invoke();
                }

                await foreach (var change in client.WatchAsync(resource, null, new WatchOptions { ResourceVersion = resourceVersion }, cancellationToken))
                {
                    resourceVersion = JsonObjectMeta.GetResourceVersion(change.Object) ?? resourceVersion;
                    if (change.Type is WatchEventType.Added or WatchEventType.Modified or WatchEventType.Deleted)
                    {
                        onEvent(change.Type, change.Object);
                    }
                }
            }
            catch (ResourceExpiredException)
            {
                resourceVersion = null;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
            {
                // A dropped stream: follow on from the last version seen.
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
        }
    }
}
