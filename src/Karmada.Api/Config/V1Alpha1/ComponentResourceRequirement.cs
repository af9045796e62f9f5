using System.Text.Json.Serialization;

namespace Karmada.Api.Config.V1Alpha1;

/// <summary>The component discovery script.</summary>
public sealed class ComponentResourceRequirement
{
    /// <summary>Lua script defining function GetComponents(desiredObj) that returns the components with their replicas and requirements. Required.</summary>
    [JsonPropertyName("luaScript")]
    public string LuaScript { get; set; } = "";
}
