using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Core;

/// <summary>The effect of a taint on workloads that do not tolerate it.</summary>
[JsonConverter(typeof(StrictEnumConverter<TaintEffect>))]
public enum TaintEffect
{
    /// <summary>Do not allow new workloads to schedule onto the cluster unless they tolerate the taint.</summary>
    NoSchedule,

    /// <summary>Like NoSchedule, but the scheduler only tries to avoid the cluster.</summary>
    PreferNoSchedule,

    /// <summary>Evict any already-running workloads that do not tolerate the taint.</summary>
    NoExecute,

    /// <summary>
    /// Karmada only: no new workloads unless tolerated, and existing ones may be migrated proactively according to
    /// the cluster failover policy, regardless of their tolerations.
    /// </summary>
    PreferNoExecute,
}
