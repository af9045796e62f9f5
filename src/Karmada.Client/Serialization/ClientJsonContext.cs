using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Karmada.Client.Serialization;

/// <summary>Source-generated serialization for the few types the client itself reads and writes.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = 256)]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(ApiStatus))]
[JsonSerializable(typeof(ListMetadata))]
internal sealed partial class ClientJsonContext : JsonSerializerContext;
