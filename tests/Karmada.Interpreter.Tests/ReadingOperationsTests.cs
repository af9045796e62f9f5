using System.Text.Json.Nodes;
using Karmada.Api.Config.V1Alpha1;

namespace Karmada.Interpreter.Tests;

/// <summary>
/// GetReplicas, ReflectStatus, InterpretHealth and GetDependencies are handed the caller's object (an informer's cached
/// one) without a copy: they must leave it as it was and return nothing that is part of it.
/// </summary>
public sealed class ReadingOperationsTests
{
    private readonly ResourceInterpreter _interpreter = ResourceInterpreter.CreateDefault();

    public static TheoryData<string> Objects =>
    [
        """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"apps","generation":2,"annotations":{"resourcetemplate.karmada.io/generation":"1"}},
         "spec":{"replicas":3,"template":{"spec":{"nodeSelector":{"disk":"ssd"},"tolerations":[{"key":"k","operator":"Exists"}],
           "affinity":{"nodeAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[{"matchExpressions":[{"key":"zone","operator":"In","values":["a"]}]}]}}},
           "containers":[{"name":"c","envFrom":[{"configMapRef":{"name":"cfg"}}],"resources":{"requests":{"cpu":"250m","memory":"64Mi"}}}]}}},
         "status":{"replicas":3,"readyReplicas":3,"updatedReplicas":3,"availableReplicas":3,"observedGeneration":2,
           "conditions":[{"type":"Available","status":"True","reason":"MinimumReplicasAvailable","lastUpdateTime":"2024-01-01T00:00:00Z"}]}}
        """,
        """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","namespace":"apps"},
         "spec":{"containers":[{"name":"c","resources":{"requests":{"cpu":"100m"}}}],"volumes":[{"name":"s","secret":{"secretName":"tls"}}]},
         "status":{"phase":"Running","conditions":[{"type":"Ready","status":"True"}]}}
        """,
        """
        {"apiVersion":"v1","kind":"Service","metadata":{"name":"s","namespace":"apps"},"spec":{"type":"LoadBalancer"},
         "status":{"loadBalancer":{"ingress":[{"ip":"10.0.0.1"}]}}}
        """,
        """
        {"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"j","namespace":"apps"},"spec":{"parallelism":2,"template":{"spec":{"containers":[{"name":"c"}]}}},
         "status":{"active":1,"startTime":"2024-01-01T00:00:00Z","conditions":[{"type":"Complete","status":"False"}]}}
        """,
        """
        {"apiVersion":"example.io/v1","kind":"Custom","metadata":{"name":"x","namespace":"apps"},"status":{"nested":{"list":[1,{"a":"b"}]}}}
        """,
    ];

    [Theory]
    [MemberData(nameof(Objects))]
    public void ReadingOperations_LeaveTheObjectAsItWas(string json)
    {
        var obj = TestJson.Obj(json);
        var before = obj.DeepClone();

        Read(obj);

        Assert.True(JsonNode.DeepEquals(before, obj), $"the object changed: {obj.ToJsonString()}");
    }

    [Theory]
    [MemberData(nameof(Objects))]
    public void ReflectStatus_ReturnsNodesOfItsOwn(string json)
    {
        var obj = TestJson.Obj(json);
        var before = obj.DeepClone();

        var status = _interpreter.ReflectStatus(obj);

        Assert.NotNull(status);
        // A node of the object would still have the object as its root; then changing the result must not show in it.
        Assert.All(Descendants(status), node => Assert.Same(status, node.Root));
        foreach (var node in Descendants(status).OfType<JsonObject>().ToList())
        {
            node["changed"] = true;
        }

        Assert.True(JsonNode.DeepEquals(before, obj));
    }

    private void Read(JsonObject obj)
    {
        var kind = GroupVersionKind.Of(obj);
        if (_interpreter.HookEnabled(kind, InterpreterOperation.InterpretReplica))
        {
            _interpreter.GetReplicas(obj);
        }

        if (_interpreter.HookEnabled(kind, InterpreterOperation.InterpretHealth))
        {
            _interpreter.InterpretHealth(obj);
        }

        _interpreter.ReflectStatus(obj);
        _interpreter.GetDependencies(obj);
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }
}
