using System.Text.Json.Serialization;

namespace Karmada.Api.Core;

/// <summary>A reference to a Service that serves a webhook (Kubernetes <c>admissionregistrationv1.ServiceReference</c>).</summary>
public sealed class ServiceReference
{
    /// <summary>The namespace of the service. Required.</summary>
    [JsonPropertyName("namespace")]
    public string Namespace { get; set; } = "";

    /// <summary>The name of the service. Required.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    /// <summary>Optional URL path sent in requests to the service.</summary>
    [JsonPropertyName("path")]
    public string? Path { get; set; }

    /// <summary>The port on the service hosting the webhook; defaults to 443.</summary>
    [JsonPropertyName("port")]
    public int? Port { get; set; }
}
