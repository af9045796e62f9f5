using System.Text.Json.Serialization;

namespace Karmada.Api.Config.V1Alpha1;

/// <summary>The health interpretation script.</summary>
public sealed class HealthInterpretation
{
    /// <summary>Lua script defining function InterpretHealth(observedObj) that returns true when healthy. Required.</summary>
    [JsonPropertyName("luaScript")]
    public string LuaScript { get; set; } = "";
}
