using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>Override rules, applied in the fixed order: image, command, args, labels, annotations, field, plaintext.</summary>
public sealed class Overriders
{
    /// <summary>JSON-patch-like rules on arbitrary fields.</summary>
    [JsonPropertyName("plaintext")]
    [OmitEmpty]
    public List<PlaintextOverrider> Plaintext { get; set; } = [];

    /// <summary>Rules for container images.</summary>
    [JsonPropertyName("imageOverrider")]
    [OmitEmpty]
    public List<ImageOverrider> ImageOverrider { get; set; } = [];

    /// <summary>Rules for container commands.</summary>
    [JsonPropertyName("commandOverrider")]
    [OmitEmpty]
    public List<CommandArgsOverrider> CommandOverrider { get; set; } = [];

    /// <summary>Rules for container args.</summary>
    [JsonPropertyName("argsOverrider")]
    [OmitEmpty]
    public List<CommandArgsOverrider> ArgsOverrider { get; set; } = [];

    /// <summary>Rules for workload labels.</summary>
    [JsonPropertyName("labelsOverrider")]
    [OmitEmpty]
    public List<LabelAnnotationOverrider> LabelsOverrider { get; set; } = [];

    /// <summary>Rules for workload annotations.</summary>
    [JsonPropertyName("annotationsOverrider")]
    [OmitEmpty]
    public List<LabelAnnotationOverrider> AnnotationsOverrider { get; set; } = [];

    /// <summary>Rules modifying a field holding a JSON or YAML document (e.g. ConfigMap data).</summary>
    [JsonPropertyName("fieldOverrider")]
    [OmitEmpty]
    public List<FieldOverrider> FieldOverrider { get; set; } = [];
}
