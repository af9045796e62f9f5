using System.Text.Json.Nodes;
using Karmada.Api.Config.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Interpreter;

namespace Karmada.Controllers.Tests.Execution;

/// <summary>The built-in interpreter, counting the status reflections of member objects of one name.</summary>
internal sealed class CountingInterpreter : IResourceInterpreter
{
    private readonly ResourceInterpreter _inner = ResourceInterpreter.CreateDefault();
    private readonly string _name;
    private int _reflections;

    public CountingInterpreter(string name) => _name = name;

    /// <summary>How many times a status of an object named as given was reflected.</summary>
    public int Reflections => Volatile.Read(ref _reflections);

    public bool HookEnabled(GroupVersionKind kind, InterpreterOperation operation) => _inner.HookEnabled(kind, operation);

    public ReplicaResult GetReplicas(JsonObject obj) => _inner.GetReplicas(obj);

    public JsonObject ReviseReplica(JsonObject obj, long replicas) => _inner.ReviseReplica(obj, replicas);

    public JsonObject Retain(JsonObject desired, JsonObject observed) => _inner.Retain(desired, observed);

    public JsonObject AggregateStatus(JsonObject obj, IReadOnlyList<AggregatedStatusItem> items) => _inner.AggregateStatus(obj, items);

    public JsonObject? ReflectStatus(JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if ((string?)obj["metadata"]?["name"] == _name)
        {
            Interlocked.Increment(ref _reflections);
        }

        return _inner.ReflectStatus(obj);
    }

    public bool InterpretHealth(JsonObject obj) => _inner.InterpretHealth(obj);

    public IReadOnlyList<DependentObjectReference> GetDependencies(JsonObject obj) => _inner.GetDependencies(obj);
}
