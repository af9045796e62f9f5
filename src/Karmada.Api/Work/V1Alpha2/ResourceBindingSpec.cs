using System.Text.Json.Serialization;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Api.Serialization;

namespace Karmada.Api.Work.V1Alpha2;

/// <summary>The expectation of a ResourceBinding or ClusterResourceBinding.</summary>
public sealed class ResourceBindingSpec
{
    /// <summary>The resource template to propagate. Required.</summary>
    [JsonPropertyName("resource")]
    public ObjectReference Resource { get; set; } = new();

    /// <summary>Whether dependencies are propagated automatically; inherited from the policy. Defaults to false.</summary>
    [JsonPropertyName("propagateDeps")]
    [OmitEmpty]
    public bool PropagateDeps { get; set; }

    /// <summary>The resource and scheduling requirements of each replica.</summary>
    [JsonPropertyName("replicaRequirements")]
    public ReplicaRequirements? ReplicaRequirements { get; set; }

    /// <summary>The replica count of the resource template.</summary>
    [JsonPropertyName("replicas")]
    [OmitEmpty]
    public int Replicas { get; set; }

    /// <summary>Requirements of each pod template of multi-template workloads (gate MultiplePodTemplatesScheduling); meant to replace replicas and replicaRequirements.</summary>
    [JsonPropertyName("components")]
    [OmitEmpty]
    public List<Component> Components { get; set; } = [];

    /// <summary>The member clusters the resource is scheduled to (the scheduling result).</summary>
    [JsonPropertyName("clusters")]
    [OmitEmpty]
    public List<TargetCluster> Clusters { get; set; } = [];

    /// <summary>The cluster selection rule, copied from the policy.</summary>
    [JsonPropertyName("placement")]
    public Placement? Placement { get; set; }

    /// <summary>Evictions to perform gracefully: the target is removed from clusters, a substitute may be scheduled, and the old copy is removed once the new one is healthy or the grace period ends.</summary>
    [JsonPropertyName("gracefulEvictionTasks")]
    [OmitEmpty]
    public List<GracefulEvictionTask> GracefulEvictionTasks { get; set; } = [];

    /// <summary>The bindings that depend on the referenced resource.</summary>
    [JsonPropertyName("requiredBy")]
    [OmitEmpty]
    public List<BindingSnapshot> RequiredBy { get; set; } = [];

    /// <summary>The scheduler that schedules the binding; inherited from the policy.</summary>
    [JsonPropertyName("schedulerName")]
    [OmitEmpty]
    public string? SchedulerName { get; set; }

    /// <summary>How applications are migrated on failures; inherited from the policy.</summary>
    [JsonPropertyName("failover")]
    public FailoverBehavior? Failover { get; set; }

    /// <summary>How to handle a resource that already exists in a target cluster: Abort (default) or Overwrite.</summary>
    [JsonPropertyName("conflictResolution")]
    public ConflictResolution? ConflictResolution { get; set; }

    /// <summary>When a reschedule was requested; a fresh scheduling runs when it is later than status.lastScheduledTime.</summary>
    [JsonPropertyName("rescheduleTriggeredAt")]
    public DateTimeOffset? RescheduleTriggeredAt { get; set; }

    /// <summary>Suspends dispatching or scheduling; nil means no suspension.</summary>
    [JsonPropertyName("suspension")]
    public Suspension? Suspension { get; set; }

    /// <summary>Keep the resources in member clusters when the binding is deleted; applies to all its Works. Defaults to false.</summary>
    [JsonPropertyName("preserveResourcesOnDeletion")]
    public bool? PreserveResourcesOnDeletion { get; set; }

    /// <summary>The scheduling priority of the workload.</summary>
    [JsonPropertyName("schedulePriority")]
    public SchedulePriority? SchedulePriority { get; set; }

    /// <summary>The affinity groups instantiated from placement.workloadAffinity; set by controllers, read by the scheduler.</summary>
    [JsonPropertyName("workloadAffinityGroups")]
    public WorkloadAffinityGroups? WorkloadAffinityGroups { get; set; }
}
