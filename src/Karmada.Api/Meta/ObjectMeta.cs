using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Meta;

/// <summary>Metadata that all persisted resources must have (Kubernetes <c>metav1.ObjectMeta</c>).</summary>
public sealed class ObjectMeta
{
    /// <summary>Name, unique within a namespace. Required when creating, unless <c>generateName</c> is set. Cannot be updated.</summary>
    [JsonPropertyName("name")]
    [OmitEmpty]
    public string? Name { get; set; }

    /// <summary>Optional prefix the server uses to generate a unique name when <c>name</c> is not provided.</summary>
    [JsonPropertyName("generateName")]
    [OmitEmpty]
    public string? GenerateName { get; set; }

    /// <summary>The namespace the object lives in; empty for cluster-scoped objects. Cannot be updated.</summary>
    [JsonPropertyName("namespace")]
    [OmitEmpty]
    public string? Namespace { get; set; }

    /// <summary>Deprecated and unset by the server since Kubernetes 1.20.</summary>
    [JsonPropertyName("selfLink")]
    [OmitEmpty]
    public string? SelfLink { get; set; }

    /// <summary>Unique in time and space; set by the server on create. Read-only.</summary>
    [JsonPropertyName("uid")]
    [OmitEmpty]
    public string? Uid { get; set; }

    /// <summary>Opaque version of this object, used for optimistic concurrency and watch. Read-only.</summary>
    [JsonPropertyName("resourceVersion")]
    [OmitEmpty]
    public string? ResourceVersion { get; set; }

    /// <summary>Sequence number of a specific generation of the desired state. Set by the server. Read-only.</summary>
    [JsonPropertyName("generation")]
    [OmitEmpty]
    public long Generation { get; set; }

    /// <summary>When the object was created (RFC 3339, UTC). Set by the server. Read-only. Left out when unset.</summary>
    [JsonPropertyName("creationTimestamp")]
    public DateTimeOffset? CreationTimestamp { get; set; }

    /// <summary>When the object will be deleted; set by the server when graceful deletion is requested. Read-only.</summary>
    [JsonPropertyName("deletionTimestamp")]
    public DateTimeOffset? DeletionTimestamp { get; set; }

    /// <summary>Seconds allowed for graceful termination before removal; only set when <c>deletionTimestamp</c> is set. Read-only.</summary>
    [JsonPropertyName("deletionGracePeriodSeconds")]
    public long? DeletionGracePeriodSeconds { get; set; }

    /// <summary>Map of string keys and values used to organize and select objects.</summary>
    [JsonPropertyName("labels")]
    [OmitEmpty]
    public Dictionary<string, string> Labels { get; set; } = [];

    /// <summary>Unstructured key-value map stored with the object, not used for selection.</summary>
    [JsonPropertyName("annotations")]
    [OmitEmpty]
    public Dictionary<string, string> Annotations { get; set; } = [];

    /// <summary>Objects this object depends on; when all owners are deleted, this object is garbage collected.</summary>
    [JsonPropertyName("ownerReferences")]
    [OmitEmpty]
    public List<OwnerReference> OwnerReferences { get; set; } = [];

    /// <summary>Must be empty before the object is removed from storage; each entry names a controller responsible for cleanup.</summary>
    [JsonPropertyName("finalizers")]
    [OmitEmpty]
    public List<string> Finalizers { get; set; } = [];

    /// <summary>Which field manager owns which fields (server-side apply bookkeeping).</summary>
    [JsonPropertyName("managedFields")]
    [OmitEmpty]
    public List<ManagedFieldsEntry> ManagedFields { get; set; } = [];
}
