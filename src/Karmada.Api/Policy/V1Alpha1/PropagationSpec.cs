using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>The desired behavior of a PropagationPolicy or ClusterPropagationPolicy.</summary>
public sealed class PropagationSpec
{
    /// <summary>Selects the resources to propagate. Required, at least one: a nil or empty list does not mean all kinds, so that sensitive resources are not propagated by accident.</summary>
    [JsonPropertyName("resourceSelectors")]
    public List<ResourceSelector> ResourceSelectors { get; set; } = [];

    /// <summary>Deprecated in favor of propagateDeps: whether relevant resources are selected automatically. Defaults to false.</summary>
    [JsonPropertyName("association")]
    [OmitEmpty]
    public bool Association { get; set; }

    /// <summary>Whether dependencies (ConfigMaps, Secrets, ServiceAccounts, PVCs, ...) are propagated, and migrated on failover, along with the workload. Defaults to false.</summary>
    [JsonPropertyName("propagateDeps")]
    [OmitEmpty]
    public bool PropagateDeps { get; set; }

    /// <summary>The rule for selecting clusters to propagate resources to.</summary>
    [JsonPropertyName("placement")]
    public Placement Placement { get; set; } = new();

    /// <summary>Importance of the policy; the higher, the more important. With equal priority, the more precise selector wins (name over labelSelector over kind), then the lower name. Defaults to 0.</summary>
    [JsonPropertyName("priority")]
    public int? Priority { get; set; }

    /// <summary>Whether the policy may preempt resources claimed by lower-priority policies: Always or Never. Defaults to Never.</summary>
    [JsonPropertyName("preemption")]
    public PreemptionBehavior? Preemption { get; set; }

    /// <summary>OverridePolicies (in the same namespace) that must exist before this policy takes effect.</summary>
    [JsonPropertyName("dependentOverrides")]
    [OmitEmpty]
    public List<string> DependentOverrides { get; set; } = [];

    /// <summary>The scheduler that schedules the resources. Defaults to default-scheduler.</summary>
    [JsonPropertyName("schedulerName")]
    [OmitEmpty]
    public string? SchedulerName { get; set; }

    /// <summary>How Karmada migrates applications on failures; nil disables failover.</summary>
    [JsonPropertyName("failover")]
    public FailoverBehavior? Failover { get; set; }

    /// <summary>How to handle a resource that already exists in the target cluster: Abort (default) or Overwrite.</summary>
    [JsonPropertyName("conflictResolution")]
    public ConflictResolution? ConflictResolution { get; set; }

    /// <summary>How resource templates react to policy changes: empty applies them immediately, Lazy waits for the next change of the template.</summary>
    [JsonPropertyName("activationPreference")]
    public ActivationPreference? ActivationPreference { get; set; }

    /// <summary>Suspends aspects of propagation; nil means no suspension.</summary>
    [JsonPropertyName("suspension")]
    public Suspension? Suspension { get; set; }

    /// <summary>Keep the propagated resources in member clusters when the resource template is deleted. Defaults to false.</summary>
    [JsonPropertyName("preserveResourcesOnDeletion")]
    public bool? PreserveResourcesOnDeletion { get; set; }

    /// <summary>How to resolve the scheduling priority of the workloads (gate PriorityBasedScheduling).</summary>
    [JsonPropertyName("schedulePriority")]
    public SchedulePriority? SchedulePriority { get; set; }
}
