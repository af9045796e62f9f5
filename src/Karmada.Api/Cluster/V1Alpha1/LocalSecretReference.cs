using System.Text.Json.Serialization;

namespace Karmada.Api.Cluster.V1Alpha1;

/// <summary>A reference to a secret in a given namespace.</summary>
public sealed class LocalSecretReference
{
    /// <summary>Namespace of the secret.</summary>
    [JsonPropertyName("namespace")]
    public string Namespace { get; set; } = "";

    /// <summary>Name of the secret.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";
}
