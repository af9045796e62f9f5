using System.Text.Json.Nodes;
using Karmada.Api.Config.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;

namespace Karmada.Interpreter.Native;

/// <summary>
/// The built-in interpreter for native Kubernetes kinds (upstream <c>default/native</c>), the last link of the chain.
/// InterpretStatus is implemented for every kind: kinds without a dedicated handler report their whole status.
/// </summary>
public sealed class NativeInterpreterSource : IResourceInterpreterSource
{
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the source; <paramref name="timeProvider"/> stamps the conditions aggregation writes.</summary>
    public NativeInterpreterSource(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    public bool HookEnabled(GroupVersionKind kind, InterpreterOperation operation) => operation switch
    {
        InterpreterOperation.InterpretReplica => NativeReplicas.ReplicaKinds.Contains(kind),
        InterpreterOperation.ReviseReplica => NativeReplicas.ReviseKinds.Contains(kind),
        InterpreterOperation.Retain => NativeRetention.Handlers.ContainsKey(kind),
        InterpreterOperation.AggregateStatus => NativeStatusAggregation.Handlers.ContainsKey(kind),
        InterpreterOperation.InterpretStatus => true,
        InterpreterOperation.InterpretHealth => NativeHealth.Handlers.ContainsKey(kind),
        InterpreterOperation.InterpretDependency => NativeDependencies.Handlers.ContainsKey(kind),
        _ => false,
    };

    /// <inheritdoc />
    public ReplicaResult GetReplicas(JsonObject obj)
    {
        Require(obj, InterpreterOperation.InterpretReplica);
        return NativeReplicas.GetReplicas(obj);
    }

    /// <inheritdoc />
    public JsonObject ReviseReplica(JsonObject obj, long replicas)
    {
        Require(obj, InterpreterOperation.ReviseReplica);
        return NativeReplicas.ReviseReplica(obj, replicas);
    }

    /// <inheritdoc />
    public JsonObject Retain(JsonObject desired, JsonObject observed) =>
        NativeRetention.Handlers.TryGetValue(GroupVersionKind.Of(desired), out var handler) ? handler(desired, observed) : desired;

    /// <inheritdoc />
    public JsonObject AggregateStatus(JsonObject obj, IReadOnlyList<AggregatedStatusItem> items) =>
        NativeStatusAggregation.Handlers.TryGetValue(GroupVersionKind.Of(obj), out var handler)
            ? handler(obj, items, _timeProvider.GetUtcNow())
            : obj;

    /// <inheritdoc />
    public JsonObject? ReflectStatus(JsonObject obj) =>
        NativeStatusReflection.Handlers.TryGetValue(GroupVersionKind.Of(obj), out var handler)
            ? handler(obj)
            : NativeStatusReflection.ReflectWholeStatus(obj);

    /// <inheritdoc />
    public bool InterpretHealth(JsonObject obj) =>
        NativeHealth.Handlers.TryGetValue(GroupVersionKind.Of(obj), out var handler)
            ? handler(obj)
            : throw new InterpreterException($"default {InterpreterOperation.InterpretHealth} interpreter for \"{GroupVersionKind.Of(obj)}\" not found");

    /// <inheritdoc />
    public IReadOnlyList<DependentObjectReference> GetDependencies(JsonObject obj) =>
        NativeDependencies.Handlers.TryGetValue(GroupVersionKind.Of(obj), out var handler) ? handler(obj) : [];

    private void Require(JsonObject obj, InterpreterOperation operation)
    {
        var kind = GroupVersionKind.Of(obj);
        if (!HookEnabled(kind, operation))
        {
            throw new InterpreterException($"default {operation} interpreter for \"{kind}\" not found");
        }
    }
}
