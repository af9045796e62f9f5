using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Karmada.Client;

namespace Karmada.Bench.Workloads.Members;

/// <summary>
/// Watches the Deployments of one API server and notes the <see cref="Stopwatch"/> timestamp at which each
/// (<c>namespace/name</c>) first reported all its replicas ready for its current generation, as <c>kubectl rollout
/// status</c> judges it.
/// </summary>
public sealed class ReadyDeploymentWatcher : IAsyncDisposable
{
    public static readonly ResourceRef Deployments = new("apps", "v1", "deployments", Namespaced: true);

    private readonly ConcurrentDictionary<string, long> _ready = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _watching;

    private ReadyDeploymentWatcher(KubeApiClient client)
    {
        _watching = Task.Run(() => WatchAsync(client, _stop.Token));
    }

    public static ReadyDeploymentWatcher Start(KubeApiClient client) => new(client);

    /// <summary>Deployments seen ready so far.</summary>
    public int ReadyCount => _ready.Count;

    /// <summary>The latest first-ready timestamp, or 0 when none is ready.</summary>
    public long LastReady => _ready.Values.DefaultIfEmpty(0).Max();

    public bool TryGetReady(string ns, string name, out long timestamp) => _ready.TryGetValue(ns + "/" + name, out timestamp);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
#pragma warning disable VSTHRD003 // the watch loop was started by this object and ends on its own token
            await _watching;
#pragma warning restore VSTHRD003
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task WatchAsync(KubeApiClient client, CancellationToken cancellationToken)
    {
        string? resourceVersion = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (resourceVersion is null)
                {
                    var list = await client.ListAsync(Deployments, null, cancellationToken: cancellationToken);
                    foreach (var item in list.Items)
                    {
                        Note(item);
                    }

                    resourceVersion = list.ResourceVersion;
                }

                await foreach (var change in client.WatchAsync(Deployments, null, new WatchOptions { ResourceVersion = resourceVersion }, cancellationToken))
                {
                    resourceVersion = JsonObjectMeta.GetResourceVersion(change.Object) ?? resourceVersion;
                    if (change.Type is WatchEventType.Added or WatchEventType.Modified)
                    {
                        Note(change.Object);
                    }
                }
            }
            catch (ResourceExpiredException)
            {
                resourceVersion = null;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
        }
    }

    private void Note(JsonObject deployment)
    {
        if (IsReady(deployment))
        {
            _ready.TryAdd(JsonObjectMeta.GetNamespace(deployment) + "/" + JsonObjectMeta.GetName(deployment), Stopwatch.GetTimestamp());
        }
    }

    private static bool IsReady(JsonObject deployment)
    {
        var desired = (int?)deployment["spec"]?["replicas"] ?? 1;
        var generation = (long?)deployment["metadata"]?["generation"] ?? 0;
        var status = deployment["status"];
        return status is not null
            && ((long?)status["observedGeneration"] ?? 0) >= generation
            && ((int?)status["readyReplicas"] ?? 0) >= desired
            && ((int?)status["updatedReplicas"] ?? 0) >= desired;
    }
}
