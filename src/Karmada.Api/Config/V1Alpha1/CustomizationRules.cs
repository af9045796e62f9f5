using System.Text.Json.Serialization;

namespace Karmada.Api.Config.V1Alpha1;

/// <summary>The interpretation rules; each one that is set replaces the built-in rule.</summary>
public sealed class CustomizationRules
{
    /// <summary>Which values changed by member-cluster components to keep (e.g. replicas managed by an HPA): Lua Retain(desiredObj, observedObj).</summary>
    [JsonPropertyName("retention")]
    public LocalValueRetention? Retention { get; set; }

    /// <summary>How to discover replicas and per-replica requirements: Lua GetReplicas(desiredObj) returning replica, requirement.</summary>
    [JsonPropertyName("replicaResource")]
    public ReplicaResourceRequirement? ReplicaResource { get; set; }

    /// <summary>How to discover the components of multi-template workloads: Lua GetComponents(desiredObj) (gate MultiplePodTemplatesScheduling).</summary>
    [JsonPropertyName("componentResource")]
    public ComponentResourceRequirement? ComponentResource { get; set; }

    /// <summary>How to revise replicas: Lua ReviseReplica(desiredObj, desiredReplica).</summary>
    [JsonPropertyName("replicaRevision")]
    public ReplicaRevision? ReplicaRevision { get; set; }

    /// <summary>How to pick the status from a member cluster: Lua ReflectStatus(observedObj).</summary>
    [JsonPropertyName("statusReflection")]
    public StatusReflection? StatusReflection { get; set; }

    /// <summary>How to aggregate member statuses into the template: Lua AggregateStatus(desiredObj, statusItems).</summary>
    [JsonPropertyName("statusAggregation")]
    public StatusAggregation? StatusAggregation { get; set; }

    /// <summary>How to assess health: Lua InterpretHealth(observedObj) returning a boolean.</summary>
    [JsonPropertyName("healthInterpretation")]
    public HealthInterpretation? HealthInterpretation { get; set; }

    /// <summary>How to find dependent resources: Lua GetDependencies(desiredObj).</summary>
    [JsonPropertyName("dependencyInterpretation")]
    public DependencyInterpretation? DependencyInterpretation { get; set; }
}
