using System.Text.Json.Serialization;

namespace Karmada.Api.Config.V1Alpha1;

/// <summary>The replica discovery script.</summary>
public sealed class ReplicaResourceRequirement
{
    /// <summary>Lua script defining function GetReplicas(desiredObj) that returns the replica count and the per-replica requirements (ReplicaRequirements). Required.</summary>
    [JsonPropertyName("luaScript")]
    public string LuaScript { get; set; } = "";
}
