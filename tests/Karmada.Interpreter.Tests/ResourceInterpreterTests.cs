using System.Text.Json.Nodes;
using Karmada.Api.Config.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;

namespace Karmada.Interpreter.Tests;

public sealed class ResourceInterpreterTests
{
    private static readonly JsonObject Deployment = TestJson.Obj("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},"spec":{"replicas":2}}""");

    [Fact]
    public void GetReplicas_CustomizationInFront_WinsOverNative()
    {
        var interpreter = ResourceInterpreter.CreateDefault(null, new FixedReplicasSource(7));

        Assert.Equal(7, interpreter.GetReplicas(Deployment).Replicas);
        Assert.True(interpreter.HookEnabled(new GroupVersionKind("example.io/v1", "Custom"), InterpreterOperation.InterpretReplica));
    }

    [Fact]
    public void GetReplicas_UnknownKind_Throws()
    {
        var cm = TestJson.Obj("""{"apiVersion":"v1","kind":"ConfigMap"}""");

        var error = Assert.Throws<InterpreterException>(() => ResourceInterpreter.CreateDefault().GetReplicas(cm));

        Assert.Equal("default InterpretReplica interpreter for \"v1, Kind=ConfigMap\" not found", error.Message);
    }

    [Fact]
    public void Operations_UnknownKind_FallBackLikeUpstream()
    {
        var interpreter = ResourceInterpreter.CreateDefault();
        var cm = TestJson.Obj("""{"apiVersion":"v1","kind":"ConfigMap","status":{"x":1}}""");

        TestJson.Equal("""{"apiVersion":"v1","kind":"ConfigMap","status":{"x":1}}""", interpreter.Retain(cm, TestJson.Obj("{}")));
        TestJson.Equal("""{"apiVersion":"v1","kind":"ConfigMap","status":{"x":1}}""", interpreter.AggregateStatus(cm, []));
        TestJson.Equal("""{"x":1}""", interpreter.ReflectStatus(cm));
        Assert.Empty(interpreter.GetDependencies(cm));
        Assert.False(interpreter.HookEnabled(new GroupVersionKind("v1", "ConfigMap"), InterpreterOperation.InterpretHealth));
        Assert.True(interpreter.HookEnabled(new GroupVersionKind("v1", "ConfigMap"), InterpreterOperation.InterpretStatus));
        Assert.Throws<InterpreterException>(() => interpreter.InterpretHealth(cm));
    }

    [Fact]
    public void ReviseReplica_Input_IsNotModified()
    {
        var revised = ResourceInterpreter.CreateDefault().ReviseReplica(Deployment, 5);

        Assert.Equal(5, (int)revised["spec"]!["replicas"]!);
        Assert.Equal(2, (int)Deployment["spec"]!["replicas"]!);
    }

    private sealed class FixedReplicasSource(int replicas) : IResourceInterpreterSource
    {
        public bool HookEnabled(GroupVersionKind kind, InterpreterOperation operation) => operation == InterpreterOperation.InterpretReplica;

        public ReplicaResult GetReplicas(JsonObject obj) => new(replicas, null);

        public JsonObject ReviseReplica(JsonObject obj, long replicas) => throw new NotSupportedException();

        public JsonObject Retain(JsonObject desired, JsonObject observed) => throw new NotSupportedException();

        public JsonObject AggregateStatus(JsonObject obj, IReadOnlyList<AggregatedStatusItem> items) => throw new NotSupportedException();

        public JsonObject? ReflectStatus(JsonObject obj) => throw new NotSupportedException();

        public bool InterpretHealth(JsonObject obj) => throw new NotSupportedException();

        public IReadOnlyList<DependentObjectReference> GetDependencies(JsonObject obj) => throw new NotSupportedException();
    }
}
