using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Karmada.Bench.Measurement;
using Karmada.Client;
using Karmada.Controllers.Binding;

namespace Karmada.Bench.Workloads.E2E;

/// <summary>
/// Follows the ResourceBindings of the control plane and keeps each one's latest scheduling result
/// (<c>spec.clusters[].name</c>): the members a template must reach to count as distributed.
/// </summary>
public sealed class BindingTargetsWatcher : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, string[]> _targets = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _watching;

    private BindingTargetsWatcher(KubeApiClient client)
    {
        _watching = Task.Run(() => WatchLoop.RunAsync(client, BindingResources.ResourceBindings, (type, binding) =>
        {
            if (type is WatchEventType.Added or WatchEventType.Modified)
            {
                Note(binding);
            }
        }, _stop.Token));
    }

    public static BindingTargetsWatcher Start(KubeApiClient client) => new(client);

    /// <summary>The clusters the scheduler chose for binding <c>ns/name</c>; false until it has been scheduled.</summary>
    public bool TryGetTargets(string ns, string name, out string[] clusters) =>
        _targets.TryGetValue(ns + "/" + name, out clusters!) && clusters.Length > 0;

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

    private void Note(JsonObject binding)
    {
        var clusters = binding["spec"]?["clusters"] as JsonArray;
        var names = clusters is null ? [] : clusters.Select(c => (string?)c?["name"]).OfType<string>().ToArray();
        _targets[JsonObjectMeta.GetNamespace(binding) + "/" + JsonObjectMeta.GetName(binding)] = names;
    }
}
