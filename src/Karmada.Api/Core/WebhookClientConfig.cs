using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Core;

/// <summary>How to reach a webhook over TLS (Kubernetes <c>admissionregistrationv1.WebhookClientConfig</c>).</summary>
public sealed class WebhookClientConfig
{
    /// <summary>The location of the webhook, <c>https://host:port/path</c>; exactly one of url or service must be set.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; set; }

    /// <summary>A reference to the Service of the webhook; exactly one of url or service must be set.</summary>
    [JsonPropertyName("service")]
    public ServiceReference? Service { get; set; }

    /// <summary>PEM CA bundle (base64 in JSON) used to validate the webhook's serving certificate.</summary>
    [JsonPropertyName("caBundle")]
    [OmitEmpty]
    public string? CaBundle { get; set; }
}
