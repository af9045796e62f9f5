using System.Text.Json.Serialization;
using Karmada.Api.Core;
using Karmada.Api.Serialization;

namespace Karmada.Api.Config.V1Alpha1;

/// <summary>A webhook and the resources and operations it applies to.</summary>
public sealed class ResourceInterpreterWebhook
{
    /// <summary>The fully qualified name of the webhook. Required.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    /// <summary>How to reach the webhook: url, or a service (which wins when both are set) resolved through karmada-apiserver or else &lt;service&gt;.&lt;namespace&gt;.svc. Required.</summary>
    [JsonPropertyName("clientConfig")]
    public WebhookClientConfig ClientConfig { get; set; } = new();

    /// <summary>The operations and resources the webhook cares about; it applies when any rule matches.</summary>
    [JsonPropertyName("rules")]
    [OmitEmpty]
    public List<RuleWithOperations> Rules { get; set; } = [];

    /// <summary>Timeout of a call, 1 to 30 seconds. Defaults to 10.</summary>
    [JsonPropertyName("timeoutSeconds")]
    public int? TimeoutSeconds { get; set; }

    /// <summary>Preferred ResourceInterpreterContext versions, in order; Karmada uses the first it supports (v1alpha1).</summary>
    [JsonPropertyName("interpreterContextVersions")]
    public List<string> InterpreterContextVersions { get; set; } = [];
}
