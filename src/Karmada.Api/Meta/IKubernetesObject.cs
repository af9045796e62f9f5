namespace Karmada.Api.Meta;

/// <summary>An API object: type information plus standard object metadata.</summary>
public interface IKubernetesObject
{
    /// <summary>The versioned schema of this representation, e.g. <c>policy.karmada.io/v1alpha1</c>.</summary>
    string ApiVersion { get; set; }

    /// <summary>The REST resource this object represents, in CamelCase, e.g. <c>PropagationPolicy</c>.</summary>
    string Kind { get; set; }

    /// <summary>Standard object metadata.</summary>
    ObjectMeta Metadata { get; set; }
}
