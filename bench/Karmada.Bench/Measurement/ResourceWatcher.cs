using System.Text.Json.Nodes;
using Karmada.Client;

namespace Karmada.Bench.Measurement;

/// <summary>
/// A benchmark observer that follows one resource of one API server in the background (<see cref="WatchLoop"/>)
/// from construction until disposed; subclasses say what they note of each event.
/// </summary>
public abstract class ResourceWatcher : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _watching;

    protected ResourceWatcher(KubeApiClient client, ResourceRef resource)
    {
        // Derived field initialisers have run by now, so the callbacks may use the subclass's state.
        _watching = Task.Run(() => WatchLoop.RunAsync(client, resource, OnEvent, OnListed, _stop.Token));
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
        GC.SuppressFinalize(this);
    }

    /// <summary>A listed object (as <see cref="WatchEventType.Added"/>) or a watch event.</summary>
    protected abstract void OnEvent(WatchEventType type, JsonObject obj);

    /// <summary>A complete list has been delivered.</summary>
    protected virtual void OnListed()
    {
    }
}
