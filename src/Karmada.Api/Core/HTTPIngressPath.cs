using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Core;

/// <summary>A path matched against requests and the backend they are sent to.</summary>
public sealed class HTTPIngressPath
{
    /// <summary>Matched against the path of an incoming request; must begin with '/'.</summary>
    [JsonPropertyName("path")]
    [OmitEmpty]
    public string? Path { get; set; }

    /// <summary>How the path is matched: <c>Exact</c>, <c>Prefix</c> or <c>ImplementationSpecific</c>. Written as null when unset.</summary>
    [JsonPropertyName("pathType")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? PathType { get; set; }

    /// <summary>Where matching traffic is sent.</summary>
    [JsonPropertyName("backend")]
    public IngressBackend Backend { get; set; } = new();
}
