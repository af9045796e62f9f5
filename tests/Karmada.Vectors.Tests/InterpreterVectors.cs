using System.Text.Json.Nodes;
using Karmada.Interpreter;

namespace Karmada.Vectors.Tests;

/// <summary>Handlers for <c>resource_interpreter.json</c>: the built-in interpreter through the interpreter facade.</summary>
internal static class InterpreterVectors
{
    // The Go tests call the per-kind function directly, so some objects carry no type; the facade dispatches on it.
    private static readonly Dictionary<string, string> ApiVersions = new(StringComparer.Ordinal)
    {
        ["Deployment"] = "apps/v1",
        ["StatefulSet"] = "apps/v1",
        ["ReplicaSet"] = "apps/v1",
        ["DaemonSet"] = "apps/v1",
        ["Job"] = "batch/v1",
        ["Service"] = "v1",
        ["Pod"] = "v1",
        ["PersistentVolumeClaim"] = "v1",
        ["Ingress"] = "networking.k8s.io/v1",
        ["PodDisruptionBudget"] = "policy/v1",
    };

    private static readonly ResourceInterpreter Interpreter = ResourceInterpreter.CreateDefault();

    [VectorFunction("InterpretHealth")]
    public static void InterpretHealth(JsonObject input, JsonObject expected)
    {
        var obj = Typed(input);
        if (expected["error"] is not null)
        {
            Assert.Throws<InterpreterException>(() => Interpreter.InterpretHealth(obj));
            return;
        }

        Assert.Equal((bool)expected["healthy"]!, Interpreter.InterpretHealth(obj));
    }

    [VectorFunction("ReviseReplica")]
    public static void ReviseReplica(JsonObject input, JsonObject expected)
    {
        var revised = Interpreter.ReviseReplica(Typed(input), (long)input["replicas"]!);
        Assert.True(JsonNode.DeepEquals(expected["object"], revised), $"got {revised.ToJsonString()}");
    }

    private static JsonObject Typed(JsonObject input)
    {
        var kind = (string)input["kind"]!;
        var obj = (JsonObject)input["object"]!.DeepClone();
        obj["apiVersion"] ??= ApiVersions[kind];
        obj["kind"] ??= kind;
        return obj;
    }
}
