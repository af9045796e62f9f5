using System.Text.Json.Serialization;

namespace Karmada.Api.Config.V1Alpha1;

/// <summary>The replica revision script.</summary>
public sealed class ReplicaRevision
{
    /// <summary>Lua script defining function ReviseReplica(desiredObj, desiredReplica) that returns the object with the replicas revised. Required.</summary>
    [JsonPropertyName("luaScript")]
    public string LuaScript { get; set; } = "";
}
