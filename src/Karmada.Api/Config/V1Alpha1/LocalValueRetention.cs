using System.Text.Json.Serialization;

namespace Karmada.Api.Config.V1Alpha1;

/// <summary>The retention script.</summary>
public sealed class LocalValueRetention
{
    /// <summary>Lua script defining function Retain(desiredObj, observedObj) that returns the desired object with the runtime values retained. Required.</summary>
    [JsonPropertyName("luaScript")]
    public string LuaScript { get; set; } = "";
}
