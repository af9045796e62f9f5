using System.Text.Json.Serialization;

namespace Karmada.Member.Faults;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(FaultState))]
internal sealed partial class FaultJsonContext : JsonSerializerContext;
