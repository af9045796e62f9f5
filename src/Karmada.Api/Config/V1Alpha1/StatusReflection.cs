using System.Text.Json.Serialization;

namespace Karmada.Api.Config.V1Alpha1;

/// <summary>The status reflection script.</summary>
public sealed class StatusReflection
{
    /// <summary>Lua script defining function ReflectStatus(observedObj) that returns the status (whole or part) to record in the Work and the binding. Required.</summary>
    [JsonPropertyName("luaScript")]
    public string LuaScript { get; set; } = "";
}
