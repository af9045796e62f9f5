using System.Collections.Concurrent;
using System.Diagnostics;
using Karmada.Api.Meta;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Client;
using Karmada.Scheduler.Service;

namespace Karmada.Bench.Workloads.Scheduler;

/// <summary>
/// Watches ResourceBindings and notes, per binding, the <see cref="Stopwatch"/> timestamp at which it was first seen
/// scheduled (Scheduled=True at the current generation): "persisted", as any other component would see it.
/// </summary>
public sealed class ScheduledWatcher : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, long> _scheduledAt = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _watching;
    private TaskCompletionSource _target = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _targetCount = int.MaxValue;
    private long _modifications;

    private ScheduledWatcher(KubeApiClient client, string? resourceVersion)
    {
        _watching = Task.Run(() => WatchAsync(client, resourceVersion, _stop.Token));
    }

    /// <summary>Starts watching from now (from the current resourceVersion of the collection).</summary>
    public static async Task<ScheduledWatcher> StartAsync(KubeApiClient client, CancellationToken cancellationToken)
    {
        var list = await client.ListAsync(SchedulerResources.ResourceBindings, SchedulerBenchObjects.Namespace, new ListOptions { Limit = 1 }, cancellationToken);
        return new ScheduledWatcher(client, list.ResourceVersion);
    }

    public int Count => _scheduledAt.Count;

    /// <summary>Updates seen so far (every write to a binding, by anyone).</summary>
    public long Modifications => Interlocked.Read(ref _modifications);

    public bool TryGet(string name, out long timestamp) => _scheduledAt.TryGetValue(name, out timestamp);

    /// <summary>Completes when at least <paramref name="count"/> bindings have been seen scheduled.</summary>
    public Task WaitForAsync(int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _targetCount, count);
        var target = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _target, target);
        if (_scheduledAt.Count >= count)
        {
            target.TrySetResult();
        }

        return target.Task.WaitAsync(timeout, cancellationToken);
    }

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

    private async Task WatchAsync(KubeApiClient client, string? resourceVersion, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await foreach (var change in client.WatchAsync(
                SchedulerResources.ResourceBindings, SchedulerBenchObjects.Namespace, SchedulerResources.ResourceBindingType, new WatchOptions { ResourceVersion = resourceVersion }, cancellationToken))
            {
                resourceVersion = change.Object.Metadata.ResourceVersion ?? resourceVersion;
                if (change.Type == WatchEventType.Modified)
                {
                    Interlocked.Increment(ref _modifications);
                }

                if (change.Type is WatchEventType.Added or WatchEventType.Modified && IsScheduled(change.Object)
                    && _scheduledAt.TryAdd(change.Object.Metadata.Name ?? string.Empty, Stopwatch.GetTimestamp())
                    && _scheduledAt.Count >= Volatile.Read(ref _targetCount))
                {
                    Volatile.Read(ref _target).TrySetResult();
                }
            }
        }
    }

    private static bool IsScheduled(ResourceBinding binding) =>
        binding.Status.SchedulerObservedGeneration == binding.Metadata.Generation
        && binding.Status.Conditions.Exists(c => c.Type == BindingConditionTypes.Scheduled && c.Status == ConditionStatus.True);
}
