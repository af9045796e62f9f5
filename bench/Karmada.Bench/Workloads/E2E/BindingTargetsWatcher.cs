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
public sealed class BindingTargetsWatcher : ResourceWatcher
{
    private readonly ConcurrentDictionary<string, string[]> _targets = new(StringComparer.Ordinal);
    private BindingTargetsWatcher(KubeApiClient client)
        : base(client, BindingResources.ResourceBindings)
    {
    }

    public static BindingTargetsWatcher Start(KubeApiClient client) => new(client);

    /// <summary>The clusters the scheduler chose for binding <c>ns/name</c>; false until it has been scheduled.</summary>
    public bool TryGetTargets(string ns, string name, out string[] clusters) =>
        _targets.TryGetValue(ns + "/" + name, out clusters!) && clusters.Length > 0;

    protected override void OnEvent(WatchEventType type, JsonObject obj)
    {
        if (type is WatchEventType.Added or WatchEventType.Modified)
        {
            Note(obj);
        }
    }

    private void Note(JsonObject binding)
    {
        var clusters = binding["spec"]?["clusters"] as JsonArray;
        var names = clusters is null ? [] : clusters.Select(c => (string?)c?["name"]).OfType<string>().ToArray();
        _targets[JsonObjectMeta.GetNamespace(binding) + "/" + JsonObjectMeta.GetName(binding)] = names;
    }
}
