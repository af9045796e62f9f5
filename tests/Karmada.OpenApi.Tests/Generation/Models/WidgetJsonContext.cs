using System.Text.Json.Serialization;

namespace Karmada.OpenApi.Tests.Generation.Models;

/// <summary>A source-generated context like the one Karmada.Api uses for its kinds.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(Widget))]
internal sealed partial class WidgetJsonContext : JsonSerializerContext;
