using System.Text.Json.Nodes;
using Karmada.Api.Config.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;

namespace Karmada.Interpreter;

/// <summary>
/// The resource interpreter (upstream <c>pkg/resourceinterpreter</c>): how Karmada understands a kind it propagates.
/// Every operation is answered by the first source in the chain that implements it for the object's kind.
/// Inputs are never modified; results are fresh objects.
/// </summary>
public interface IResourceInterpreter
{
    /// <summary>Whether any source implements <paramref name="operation"/> for <paramref name="kind"/>.</summary>
    bool HookEnabled(GroupVersionKind kind, InterpreterOperation operation);

    /// <summary>The desired replicas and per-replica requirements (InterpretReplica).</summary>
    /// <exception cref="InterpreterException">No source implements the operation for the kind, or the object is malformed.</exception>
    ReplicaResult GetReplicas(JsonObject obj);

    /// <summary>A copy of the object with its replicas set to <paramref name="replicas"/> (ReviseReplica).</summary>
    /// <exception cref="InterpreterException">No source implements the operation for the kind, or the object is malformed.</exception>
    JsonObject ReviseReplica(JsonObject obj, long replicas);

    /// <summary>The desired object with the values member-cluster controllers own taken from <paramref name="observed"/> (Retain); desired unchanged when no source retains the kind.</summary>
    JsonObject Retain(JsonObject desired, JsonObject observed);

    /// <summary>The resource template with its status aggregated from the member statuses (AggregateStatus); unchanged when no source aggregates the kind.</summary>
    JsonObject AggregateStatus(JsonObject obj, IReadOnlyList<AggregatedStatusItem> items);

    /// <summary>The status to collect from a member object (InterpretStatus); null when there is nothing to collect.</summary>
    JsonObject? ReflectStatus(JsonObject obj);

    /// <summary>Whether the member object is healthy (InterpretHealth).</summary>
    /// <exception cref="InterpreterException">No source implements the operation for the kind (callers treat such kinds as healthy), or the object is malformed.</exception>
    bool InterpretHealth(JsonObject obj);

    /// <summary>The resources the object depends on (InterpretDependency); empty when no source knows the kind.</summary>
    IReadOnlyList<DependentObjectReference> GetDependencies(JsonObject obj);
}
