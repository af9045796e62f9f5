using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Karmada.Client;

/// <summary>
/// Deep copies of objects. Objects handed out by informer caches are shared by every controller of the process and
/// must never be mutated; clone first, then modify the clone (client-go's <c>DeepCopy</c> rule).
/// </summary>
public static class ObjectCloner
{
    /// <summary>Clones a typed object through a source-generated JSON round trip (no reflection).</summary>
    public static T DeepClone<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
        return JsonSerializer.Deserialize(bytes, typeInfo)
            ?? throw new InvalidOperationException($"Cloning a {typeof(T).Name} produced null.");
    }

    /// <summary>Clones an unstructured object (same as <see cref="JsonNode.DeepClone"/>, typed as <see cref="JsonObject"/>).</summary>
    public static JsonObject DeepClone(JsonObject value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return (JsonObject)value.DeepClone();
    }
}
