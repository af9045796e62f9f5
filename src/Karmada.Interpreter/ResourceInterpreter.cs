using System.Text.Json.Nodes;
using Karmada.Api.Config.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Interpreter.Native;

namespace Karmada.Interpreter;

/// <summary>
/// The interpreter facade: a chain of sources asked in order, customizations first and the built-in native handlers
/// last (upstream <c>customizedInterpreter → webhook → thirdparty → defaultInterpreter</c>). Only the operations that
/// build their result out of the input (ReviseReplica, Retain, AggregateStatus) hand the source a copy; the reading
/// ones hand it the caller's object, often an informer's cached one, which the source must leave alone.
/// </summary>
public sealed class ResourceInterpreter : IResourceInterpreter
{
    private readonly IReadOnlyList<IResourceInterpreterSource> _sources;

    /// <summary>Creates the facade over <paramref name="sources"/>, in the order they are asked.</summary>
    public ResourceInterpreter(IEnumerable<IResourceInterpreterSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        _sources = sources.ToList();
    }

    /// <summary>An interpreter with the built-in native handlers only; <paramref name="customizations"/> go in front of them.</summary>
    public static ResourceInterpreter CreateDefault(TimeProvider? timeProvider = null, params IResourceInterpreterSource[] customizations) =>
        new([.. customizations, new NativeInterpreterSource(timeProvider ?? TimeProvider.System)]);

    /// <inheritdoc />
    public bool HookEnabled(GroupVersionKind kind, InterpreterOperation operation) =>
        _sources.Any(s => s.HookEnabled(kind, operation));

    /// <inheritdoc />
    public ReplicaResult GetReplicas(JsonObject obj) =>
        Require(obj, InterpreterOperation.InterpretReplica).GetReplicas(obj);

    /// <inheritdoc />
    public JsonObject ReviseReplica(JsonObject obj, long replicas) =>
        Require(obj, InterpreterOperation.ReviseReplica).ReviseReplica(Copy(obj), replicas);

    /// <inheritdoc />
    public JsonObject Retain(JsonObject desired, JsonObject observed)
    {
        ArgumentNullException.ThrowIfNull(observed);
        return Find(desired, InterpreterOperation.Retain) is { } source
            ? source.Retain(Copy(desired), Copy(observed))
            : Copy(desired);
    }

    /// <inheritdoc />
    public JsonObject AggregateStatus(JsonObject obj, IReadOnlyList<AggregatedStatusItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return Find(obj, InterpreterOperation.AggregateStatus) is { } source
            ? source.AggregateStatus(Copy(obj), items)
            : Copy(obj);
    }

    /// <inheritdoc />
    public JsonObject? ReflectStatus(JsonObject obj) =>
        Find(obj, InterpreterOperation.InterpretStatus) is { } source
            ? source.ReflectStatus(obj)
            : NativeStatusReflection.ReflectWholeStatus(obj);

    /// <inheritdoc />
    public bool InterpretHealth(JsonObject obj) =>
        Require(obj, InterpreterOperation.InterpretHealth).InterpretHealth(obj);

    /// <inheritdoc />
    public IReadOnlyList<DependentObjectReference> GetDependencies(JsonObject obj) =>
        Find(obj, InterpreterOperation.InterpretDependency) is { } source ? source.GetDependencies(obj) : [];

    private IResourceInterpreterSource? Find(JsonObject obj, InterpreterOperation operation)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var kind = GroupVersionKind.Of(obj);
        foreach (var source in _sources)
        {
            if (source.HookEnabled(kind, operation))
            {
                return source;
            }
        }

        return null;
    }

    private IResourceInterpreterSource Require(JsonObject obj, InterpreterOperation operation) =>
        Find(obj, operation)
        ?? throw new InterpreterException($"default {operation} interpreter for \"{GroupVersionKind.Of(obj)}\" not found");

    private static JsonObject Copy(JsonObject obj) => (JsonObject)obj.DeepClone();
}
