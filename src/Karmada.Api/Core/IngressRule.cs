using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Core;

/// <summary>Maps the paths under a host to backends.</summary>
public sealed class IngressRule
{
    /// <summary>Fully qualified domain name of a network host, optionally with a leading wildcard label.</summary>
    [JsonPropertyName("host")]
    [OmitEmpty]
    public string? Host { get; set; }

    /// <summary>HTTP paths of the rule.</summary>
    [JsonPropertyName("http")]
    public HTTPIngressRuleValue? Http { get; set; }
}
