using Karmada.Client.Informers;

namespace Karmada.Client.Tests.Fakes;

/// <summary>An informer stand-in whose sync the test completes by hand.</summary>
public sealed class FakeSyncInformer : ISharedInformer
{
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ResourceRef Resource => TestResources.Widgets;

    public bool HasSynced => _synced.Task.IsCompleted;

    public string? LastSyncResourceVersion => null;

    public bool WaitedOn { get; private set; }

    public void MarkSynced() => _synced.TrySetResult();

    public Task WaitForCacheSyncAsync(CancellationToken cancellationToken)
    {
        WaitedOn = true;
        return _synced.Task.WaitAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
