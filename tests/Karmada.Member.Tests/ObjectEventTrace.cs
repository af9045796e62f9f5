using System.Diagnostics;
using System.Text.Json.Nodes;
using Karmada.Client;

namespace Karmada.Member.Tests;

/// <summary>
/// Records the watch events of Deployments, ReplicaSets and pods in the default namespace with what each event's object
/// looks like (status counters, conditions, node), so a test can see every stored write and what it changed.
/// </summary>
internal sealed class ObjectEventTrace : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _events = [];
    private readonly List<(string Resource, string Status)> _statuses = [];
    private readonly Lock _gate = new();
    private readonly List<Task> _watches = [];
    private long _lastEvent = Stopwatch.GetTimestamp();

    public string Text
    {
        get
        {
            lock (_gate)
            {
                return string.Join('\n', _events);
            }
        }
    }

    public IReadOnlyList<string> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>The statuses (counters, then conditions) the modifications of one resource carried, in order, changes only.</summary>
    public IReadOnlyList<string> Statuses(string plural)
    {
        List<string> statuses = [];
        lock (_gate)
        {
            foreach (var (resource, status) in _statuses)
            {
                if (resource == plural && status.Length > 1 && (statuses.Count == 0 || statuses[^1] != status))
                {
                    statuses.Add(status);
                }
            }
        }

        return statuses;
    }

    public static async Task<ObjectEventTrace> StartAsync(MemberFixture fixture)
    {
        var trace = new ObjectEventTrace();
        foreach (var resource in new[] { MemberFixture.Deployments, MemberFixture.ReplicaSets, MemberFixture.Pods })
        {
            var list = await fixture.Client.ListAsync(resource, "default");
            trace._watches.Add(trace.WatchAsync(fixture.Client, resource, list.ResourceVersion));
        }

        return trace;
    }

    /// <summary>True when no event arrived for <paramref name="window"/>.</summary>
    public bool Quiet(TimeSpan window) => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastEvent)) >= window;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
#pragma warning disable VSTHRD003 // The watch tasks were started by this instance.
        await Task.WhenAll(_watches);
#pragma warning restore VSTHRD003
        _stop.Dispose();
    }

    private async Task WatchAsync(KubeApiClient client, ResourceRef resource, string? resourceVersion)
    {
        await Task.Yield();
        try
        {
            await foreach (var e in client.WatchAsync(resource, "default", new WatchOptions { ResourceVersion = resourceVersion }, _stop.Token))
            {
                if (e.Type is WatchEventType.Added or WatchEventType.Modified or WatchEventType.Deleted)
                {
                    Interlocked.Exchange(ref _lastEvent, Stopwatch.GetTimestamp());
                    lock (_gate)
                    {
                        _events.Add($"{e.Type} {resource.Plural} {(string?)e.Object["metadata"]?["name"]} rv={(string?)e.Object["metadata"]?["resourceVersion"]} {Describe(e.Object)}");
                        _statuses.Add((resource.Plural, Status(e.Object)));
                    }
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    private static string Status(JsonObject obj)
    {
        var status = obj["status"] as JsonObject;
        var counters = status is null ? "" : string.Join(',', status.Where(p => p.Value is JsonValue && p.Key is not ("startTime" or "hostIP" or "podIP")).Select(p => $"{p.Key}={p.Value}"));
        var conditions = status?["conditions"] is JsonArray array
            ? string.Join(',', array.Select(c => $"{(string?)c!["type"]}={(string?)c["status"]}/{(string?)c["reason"]}"))
            : "";
        return $"{counters} {conditions}";
    }

    private static string Describe(JsonObject obj) =>
        $"gen={obj["metadata"]?["generation"]} spec.replicas={obj["spec"]?["replicas"]} node={(string?)obj["spec"]?["nodeName"]} [{Status(obj)}]";
}
