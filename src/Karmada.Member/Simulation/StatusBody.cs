using System.Text.Json.Nodes;

namespace Karmada.Member.Simulation;

/// <summary>
/// The body of a <c>/status</c> write: the object's type, its metadata and the new status, without the spec or the
/// managed fields. The status strategies of kube-apiserver (and of this API server) take the spec from the stored
/// object on a status write, and a write without <c>managedFields</c> keeps the stored ones, so neither needs to be
/// copied, sent and decoded again on every status write; the metadata still goes along (its resourceVersion is the
/// write's precondition, and a Deployment's status write carries its revision annotation).
/// </summary>
internal static class StatusBody
{
    public static JsonObject For(JsonObject obj, JsonObject status)
    {
        var metadata = new JsonObject();
        if (obj["metadata"] is JsonObject source)
        {
            for (var i = 0; i < source.Count; i++)
            {
                var (name, value) = source.GetAt(i);
                if (name != "managedFields")
                {
                    metadata[name] = value?.DeepClone();
                }
            }
        }

        return new JsonObject
        {
            ["apiVersion"] = obj["apiVersion"]?.DeepClone(),
            ["kind"] = obj["kind"]?.DeepClone(),
            ["metadata"] = metadata,
            ["status"] = status,
        };
    }
}
