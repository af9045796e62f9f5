using System.Text.Json.Nodes;
using Karmada.Api.Config.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;

namespace Karmada.Interpreter;

/// <summary>
/// One link of the interpreter chain (customizations, webhooks, bundled customizations, built-in native handlers).
/// The chain calls an operation only on a source whose <see cref="HookEnabled"/> is true for the object's kind.
/// ReviseReplica, Retain and AggregateStatus get a private copy of their inputs, so a source may modify and return
/// them. GetReplicas, ReflectStatus, InterpretHealth and GetDependencies get the caller's object, often shared with an
/// informer's cache: a source only reads it, and returns nodes of its own (never a node of the input).
/// </summary>
public interface IResourceInterpreterSource
{
    /// <summary>Whether this source implements <paramref name="operation"/> for <paramref name="kind"/>.</summary>
    bool HookEnabled(GroupVersionKind kind, InterpreterOperation operation);

    ReplicaResult GetReplicas(JsonObject obj);

    JsonObject ReviseReplica(JsonObject obj, long replicas);

    JsonObject Retain(JsonObject desired, JsonObject observed);

    JsonObject AggregateStatus(JsonObject obj, IReadOnlyList<AggregatedStatusItem> items);

    JsonObject? ReflectStatus(JsonObject obj);

    bool InterpretHealth(JsonObject obj);

    IReadOnlyList<DependentObjectReference> GetDependencies(JsonObject obj);
}
