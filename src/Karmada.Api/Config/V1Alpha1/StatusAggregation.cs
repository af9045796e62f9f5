using System.Text.Json.Serialization;

namespace Karmada.Api.Config.V1Alpha1;

/// <summary>The status aggregation script.</summary>
public sealed class StatusAggregation
{
    /// <summary>Lua script defining function AggregateStatus(desiredObj, statusItems) that returns the template with the status aggregated. Required.</summary>
    [JsonPropertyName("luaScript")]
    public string LuaScript { get; set; } = "";
}
