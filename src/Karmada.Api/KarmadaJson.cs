using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Karmada.Api.Serialization;

namespace Karmada.Api;

/// <summary>
/// JSON for the Karmada API types, as Go's <c>encoding/json</c> writes the upstream types: Go json-tag property names,
/// <c>omitempty</c> honoured (<see cref="OmitEmptyAttribute"/>), enums as their string values, <c>metav1.Time</c> as
/// RFC 3339 UTC seconds, quantities canonicalised. Reflection is off: every type goes through the source-generated
/// context.
/// </summary>
public static class KarmadaJson
{
    /// <summary>
    /// The resolver to plug into other serializer options (e.g. ASP.NET's
    /// <c>TypeInfoResolverChain.Insert(0, KarmadaJson.TypeInfoResolver)</c>).
    /// </summary>
    public static IJsonTypeInfoResolver TypeInfoResolver { get; } =
        KarmadaJsonContext.Default.WithAddedModifier(GoJsonContract.Apply);

    /// <summary>The read-only options for Karmada API types.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Serializes <paramref name="value"/> to a JSON string.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, GetTypeInfo<T>());

    /// <summary>Serializes <paramref name="value"/> to UTF-8 JSON.</summary>
    public static byte[] SerializeToUtf8Bytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, GetTypeInfo<T>());

    /// <summary>Serializes <paramref name="value"/> to a JSON node tree.</summary>
    public static JsonNode? SerializeToNode<T>(T value) => JsonSerializer.SerializeToNode(value, GetTypeInfo<T>());

    /// <summary>Deserializes JSON text; throws <see cref="JsonException"/> for JSON that is invalid or is <c>null</c>.</summary>
    public static T Deserialize<T>([StringSyntax(StringSyntaxAttribute.Json)] string json) =>
        JsonSerializer.Deserialize(json, GetTypeInfo<T>()) ?? throw new JsonException($"JSON null is not a {typeof(T).Name}");

    /// <summary>Deserializes UTF-8 JSON; throws <see cref="JsonException"/> for JSON that is invalid or is <c>null</c>.</summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, GetTypeInfo<T>()) ?? throw new JsonException($"JSON null is not a {typeof(T).Name}");

    /// <summary>Converts a JSON node tree (e.g. an unstructured object) to a typed object.</summary>
    public static T Deserialize<T>(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Deserialize(GetTypeInfo<T>()) ?? throw new JsonException($"JSON null is not a {typeof(T).Name}");
    }

    /// <summary>Serializes <paramref name="value"/>, whose runtime type must be in the context.</summary>
    public static string Serialize(object value, Type type)
    {
        ArgumentNullException.ThrowIfNull(value);
        return JsonSerializer.Serialize(value, Options.GetTypeInfo(type));
    }

    /// <summary>Deserializes JSON text to <paramref name="type"/>; throws <see cref="JsonException"/> for invalid JSON or <c>null</c>.</summary>
    public static object Deserialize([StringSyntax(StringSyntaxAttribute.Json)] string json, Type type) =>
        JsonSerializer.Deserialize(json, Options.GetTypeInfo(type)) ?? throw new JsonException($"JSON null is not a {type.Name}");

    /// <summary>A deep copy made by a JSON round trip, as Kubernetes <c>DeepCopy</c>: nothing is shared with the original.</summary>
    /// <remarks>Values the JSON form does not carry (sub-second timestamp precision) are not copied.</remarks>
    public static T DeepClone<T>(this T value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value);
        var typeInfo = GetTypeInfo<T>();
        return JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo), typeInfo)!;
    }

    /// <summary>The contract of <typeparamref name="T"/>; throws when the type is not in the context.</summary>
    public static JsonTypeInfo<T> GetTypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    /// <summary>Whether <paramref name="type"/> can be serialized with <see cref="Options"/>.</summary>
    public static bool CanSerialize(Type type) => Options.TryGetTypeInfo(type, out _);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(KarmadaJsonContext.Default.Options)
        {
            TypeInfoResolver = TypeInfoResolver,
        };
        options.MakeReadOnly();
        return options;
    }
}
