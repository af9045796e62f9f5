using System.Text.Json.Nodes;
using Karmada.Client;
using Karmada.Client.Informers;
using Karmada.Client.Queues;

namespace Karmada.Member.Simulation;

/// <summary>
/// Queues Services by key when they change and when a pod they select (before or after the change) changes, as the
/// endpoints controllers' pod handlers do.
/// </summary>
internal static class ServiceEvents
{
    public static void Register(WorkQueue<ObjectKey> queue, SharedInformer<JsonObject> services, SharedInformer<JsonObject> pods)
    {
        services.AddEventHandler(
            onAdd: s => queue.Add(JsonObjectMeta.Accessor.GetKey(s)),
            onUpdate: (_, s) => queue.Add(JsonObjectMeta.Accessor.GetKey(s)),
            onDelete: s => queue.Add(JsonObjectMeta.Accessor.GetKey(s)));
        void Selecting(JsonObject? old, JsonObject pod)
        {
            foreach (var service in services.Indexer.ByIndex(JsonIndexers.NamespaceIndex, JsonRead.Str(pod, "metadata", "namespace") ?? ""))
            {
                if (ServiceEndpoints.Selects(service, pod) || (old is not null && ServiceEndpoints.Selects(service, old)))
                {
                    queue.Add(JsonObjectMeta.Accessor.GetKey(service));
                }
            }
        }

        pods.AddEventHandler(onAdd: pod => Selecting(null, pod), onUpdate: Selecting, onDelete: pod => Selecting(null, pod));
    }

    /// <summary>Equality of generated fields, where an absent field and an empty array or object are the same.</summary>
    public static bool SameContent(JsonNode? desired, JsonNode? actual) => JsonNode.DeepEquals(Normalize(desired), Normalize(actual));

    private static JsonNode? Normalize(JsonNode? node) => node switch
    {
        JsonArray { Count: 0 } or JsonObject { Count: 0 } => null,
        _ => node,
    };
}
