using System.Text.Json.Serialization;

namespace Karmada.Client.Tests.Fakes;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TestWidget))]
[JsonSerializable(typeof(VersionInfo))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
