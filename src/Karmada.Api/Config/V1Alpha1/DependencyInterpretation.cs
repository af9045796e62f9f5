using System.Text.Json.Serialization;

namespace Karmada.Api.Config.V1Alpha1;

/// <summary>The dependency interpretation script.</summary>
public sealed class DependencyInterpretation
{
    /// <summary>Lua script defining function GetDependencies(desiredObj) that returns the dependencies (apiVersion, kind, namespace, name or labelSelector). Required.</summary>
    [JsonPropertyName("luaScript")]
    public string LuaScript { get; set; } = "";
}
