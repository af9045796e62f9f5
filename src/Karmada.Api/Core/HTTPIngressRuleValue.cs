using System.Text.Json.Serialization;

namespace Karmada.Api.Core;

/// <summary>A list of HTTP paths to backends.</summary>
public sealed class HTTPIngressRuleValue
{
    /// <summary>Paths mapping requests to backends. Required.</summary>
    [JsonPropertyName("paths")]
    public List<HTTPIngressPath> Paths { get; set; } = [];
}
