using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>A rule for container images.</summary>
public sealed class ImageOverrider
{
    /// <summary>Filters the images to process; nil detects image fields of Pod, ReplicaSet, Deployment, DaemonSet, StatefulSet and Job.</summary>
    [JsonPropertyName("predicate")]
    public ImagePredicate? Predicate { get; set; }

    /// <summary>The image part to change: Registry, Repository or Tag. Required.</summary>
    [JsonPropertyName("component")]
    public ImageComponent Component { get; set; }

    /// <summary>add, remove or replace. Required.</summary>
    [JsonPropertyName("operator")]
    public OverriderOperator Operator { get; set; }

    /// <summary>The value to apply; required for add and replace, ignored for remove.</summary>
    [JsonPropertyName("value")]
    [OmitEmpty]
    public string? Value { get; set; }
}
