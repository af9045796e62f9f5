using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Karmada.Client.Serialization;

namespace Karmada.Client;

/// <summary>Reads and writes the <c>metadata</c> of unstructured objects (<see cref="JsonObject"/>).</summary>
public static class JsonObjectMeta
{
    /// <summary>The accessor informers use for <see cref="JsonObject"/> items.</summary>
    public static ObjectMetaAccessor<JsonObject> Accessor { get; } = new(GetNamespace, GetName, GetResourceVersion);

    /// <summary>Source-generated serialization of <see cref="JsonObject"/>, for the typed overloads and informers.</summary>
    public static JsonTypeInfo<JsonObject> TypeInfo => ClientJsonContext.Default.JsonObject;

    public static string? GetNamespace(JsonObject obj) => GetMetadataString(obj, "namespace");

    public static string? GetName(JsonObject obj) => GetMetadataString(obj, "name");

    public static string? GetResourceVersion(JsonObject obj) => GetMetadataString(obj, "resourceVersion");

    public static string? GetUid(JsonObject obj) => GetMetadataString(obj, "uid");

    /// <summary>The value of one label, or null when the label is absent.</summary>
    public static string? GetLabel(JsonObject obj, string key)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return obj["metadata"]?["labels"]?[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }

    /// <summary>The owner references (<c>metadata.ownerReferences</c>) as objects; empty when there are none.</summary>
    public static IEnumerable<JsonObject> GetOwnerReferences(JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (obj["metadata"]?["ownerReferences"] is JsonArray owners)
        {
            foreach (var owner in owners)
            {
                if (owner is JsonObject ownerObject)
                {
                    yield return ownerObject;
                }
            }
        }
    }

    /// <summary>Sets <c>metadata.resourceVersion</c>, creating <c>metadata</c> when needed.</summary>
    public static void SetResourceVersion(JsonObject obj, string? resourceVersion)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (obj["metadata"] is not JsonObject metadata)
        {
            metadata = [];
            obj["metadata"] = metadata;
        }

        metadata["resourceVersion"] = resourceVersion;
    }

    private static string? GetMetadataString(JsonObject obj, string property)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return obj["metadata"]?[property] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }
}
