using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>A rule for container commands or args.</summary>
public sealed class CommandArgsOverrider
{
    /// <summary>The container. Required.</summary>
    [JsonPropertyName("containerName")]
    public string ContainerName { get; set; } = "";

    /// <summary>add (append) or remove (delete matching items). Required.</summary>
    [JsonPropertyName("operator")]
    public OverriderOperator Operator { get; set; }

    /// <summary>The items to append or remove; empty leaves the command or args unchanged.</summary>
    [JsonPropertyName("value")]
    [OmitEmpty]
    public List<string> Value { get; set; } = [];
}
