using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Config.V1Alpha1;

/// <summary>An operation of the resource interpreter.</summary>
[JsonConverter(typeof(StrictEnumConverter<InterpreterOperation>))]
public enum InterpreterOperation
{
    /// <summary>All operations.</summary>
    [JsonStringEnumMemberName("*")]
    All,

    /// <summary>Figure out the replicas and per-replica requirements of an object.</summary>
    InterpretReplica,

    /// <summary>Figure out the components of a multi-template object; InterpretReplica is then not called (gate MultiplePodTemplatesScheduling).</summary>
    InterpretComponent,

    /// <summary>Revise the replicas of an object.</summary>
    ReviseReplica,

    /// <summary>Revise the component replicas of an object.</summary>
    ReviseComponents,

    /// <summary>Pick the status of an object.</summary>
    InterpretStatus,

    /// <summary>Package a resource template into a Work.</summary>
    Prune,

    /// <summary>Retain values changed in the member cluster.</summary>
    Retain,

    /// <summary>Aggregate member statuses into the resource template.</summary>
    AggregateStatus,

    /// <summary>Assess the health of an object.</summary>
    InterpretHealth,

    /// <summary>Figure out the dependencies of an object.</summary>
    InterpretDependency,
}
