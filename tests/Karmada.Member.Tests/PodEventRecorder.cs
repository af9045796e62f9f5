using System.Text.Json.Nodes;
using Karmada.Client;

namespace Karmada.Member.Tests;

/// <summary>Records pod watch events in order (type, name, whether the pod was Ready) from a list's resourceVersion.</summary>
internal sealed class PodEventRecorder : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(WatchEventType Type, string Name, bool Ready)> _events = [];
    private readonly Lock _gate = new();
    private readonly Task _watch;

    private PodEventRecorder(MemberFixture fixture, string labelSelector, string? resourceVersion)
    {
        _watch = Task.Run(async () =>
        {
            try
            {
                var options = new WatchOptions { LabelSelector = labelSelector, ResourceVersion = resourceVersion };
                await foreach (var e in fixture.Client.WatchAsync(MemberFixture.Pods, "default", options, _stop.Token))
                {
                    if (e.Type is WatchEventType.Added or WatchEventType.Modified or WatchEventType.Deleted)
                    {
                        var ready = e.Object["status"]?["conditions"] is JsonArray conditions
                            && conditions.Any(c => (string?)c!["type"] == "Ready" && (string?)c["status"] == "True");
                        lock (_gate)
                        {
                            _events.Add((e.Type, (string)e.Object["metadata"]!["name"]!, ready));
                        }
                    }
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
            }
        });
    }

    public IReadOnlyList<(WatchEventType Type, string Name, bool Ready)> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public static async Task<PodEventRecorder> StartAsync(MemberFixture fixture, string labelSelector)
    {
        var list = await fixture.Client.ListAsync(MemberFixture.Pods, "default", new ListOptions { LabelSelector = labelSelector });
        return new PodEventRecorder(fixture, labelSelector, list.ResourceVersion);
    }

    /// <summary>Whether the named pod had been reported Ready before the first event of <paramref name="later"/>.</summary>
    public bool ReadyBefore(string earlier, WatchEventType type, string later)
    {
        var events = Events;
        var index = events.ToList().FindIndex(e => e.Type == type && e.Name == later);
        return index > 0 && events.Take(index).Any(e => e.Name == earlier && e.Ready);
    }

    public IReadOnlyList<string> Deleted => [.. Events.Where(e => e.Type == WatchEventType.Deleted).Select(e => e.Name)];

    public string Trace => string.Join('\n', Events.Select(e => $"{e.Type} {e.Name} ready={e.Ready}"));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
#pragma warning disable VSTHRD003 // The watch task was started by this instance.
        await _watch;
#pragma warning restore VSTHRD003
        _stop.Dispose();
    }
}
