using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Core;

/// <summary>The desired state of an Ingress (Kubernetes <c>networkingv1.IngressSpec</c>).</summary>
public sealed class IngressSpec
{
    /// <summary>Name of the IngressClass cluster resource that implements this Ingress.</summary>
    [JsonPropertyName("ingressClassName")]
    public string? IngressClassName { get; set; }

    /// <summary>Backend for requests that match no rule.</summary>
    [JsonPropertyName("defaultBackend")]
    public IngressBackend? DefaultBackend { get; set; }

    /// <summary>TLS configuration; only port 443 is assumed for TLS.</summary>
    [JsonPropertyName("tls")]
    [OmitEmpty]
    public List<IngressTLS> Tls { get; set; } = [];

    /// <summary>Host rules; requests matching no rule go to the default backend.</summary>
    [JsonPropertyName("rules")]
    [OmitEmpty]
    public List<IngressRule> Rules { get; set; } = [];
}
