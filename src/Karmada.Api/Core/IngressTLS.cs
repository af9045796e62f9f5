using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Core;

/// <summary>TLS configuration of an ingress.</summary>
public sealed class IngressTLS
{
    /// <summary>Hosts included in the TLS certificate.</summary>
    [JsonPropertyName("hosts")]
    [OmitEmpty]
    public List<string> Hosts { get; set; } = [];

    /// <summary>Name of the Secret holding the certificate and key.</summary>
    [JsonPropertyName("secretName")]
    [OmitEmpty]
    public string? SecretName { get; set; }
}
