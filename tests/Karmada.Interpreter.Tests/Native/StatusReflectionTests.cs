namespace Karmada.Interpreter.Tests.Native;

public sealed class StatusReflectionTests
{
    private readonly ResourceInterpreter _interpreter = ResourceInterpreter.CreateDefault();

    [Fact]
    public void ReflectStatus_Deployment_WrapsCountersWithGenerations()
    {
        var deployment = TestJson.Obj("""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"generation":2,"annotations":{"resourcetemplate.karmada.io/generation":"1"}},
             "status":{"replicas":3,"readyReplicas":3,"updatedReplicas":3,"availableReplicas":3,"observedGeneration":2}}
            """);

        TestJson.Equal("""
            {"generation":2,"resourceTemplateGeneration":1,"observedGeneration":2,"replicas":3,"updatedReplicas":3,"readyReplicas":3,"availableReplicas":3}
            """, _interpreter.ReflectStatus(deployment));
    }

    [Fact]
    public void ReflectStatus_Deployment_KeepsAvailableAndProgressingConditionsWithoutTimestamps()
    {
        var deployment = TestJson.Obj("""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"generation":1,"annotations":{"resourcetemplate.karmada.io/generation":"1"}},
             "status":{"replicas":1,"observedGeneration":1,"conditions":[
               {"type":"ReplicaFailure","status":"True","reason":"FailedCreate"},
               {"type":"Available","status":"True","reason":"MinimumReplicasAvailable","message":"ok","lastUpdateTime":"2024-01-01T00:00:00Z","lastTransitionTime":"2024-01-01T00:00:00Z"},
               {"type":"Progressing","status":"True","reason":"NewReplicaSetAvailable","message":"done","lastUpdateTime":"2024-01-01T00:00:00Z"}]}}
            """);

        TestJson.Equal("""
            {"generation":1,"resourceTemplateGeneration":1,"observedGeneration":1,"replicas":1,"conditions":[
              {"type":"Available","status":"True","reason":"MinimumReplicasAvailable","message":"ok"},
              {"type":"Progressing","status":"True","reason":"NewReplicaSetAvailable","message":"done"}]}
            """, _interpreter.ReflectStatus(deployment));
    }

    [Fact]
    public void ReflectStatus_DeploymentWithoutGenerationAnnotation_Throws()
    {
        var deployment = TestJson.Obj("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"generation":1},"status":{"replicas":1}}""");

        Assert.Throws<InterpreterException>(() => _interpreter.ReflectStatus(deployment));
    }

    [Fact]
    public void ReflectStatus_WorkloadWithoutStatus_IsNull()
    {
        Assert.Null(_interpreter.ReflectStatus(TestJson.Obj("""{"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{}}""")));
    }

    [Fact]
    public void ReflectStatus_Service_OnlyLoadBalancer()
    {
        var lb = TestJson.Obj("""{"apiVersion":"v1","kind":"Service","spec":{"type":"LoadBalancer"},"status":{"loadBalancer":{"ingress":[{"ip":"1.2.3.4"}]},"conditions":[]}}""");
        var clusterIp = TestJson.Obj("""{"apiVersion":"v1","kind":"Service","spec":{"type":"ClusterIP"},"status":{"loadBalancer":{}}}""");

        TestJson.Equal("""{"loadBalancer":{"ingress":[{"ip":"1.2.3.4"}]}}""", _interpreter.ReflectStatus(lb));
        Assert.Null(_interpreter.ReflectStatus(clusterIp));
    }

    [Fact]
    public void ReflectStatus_JobPdbHpa_PickTheirFields()
    {
        var job = TestJson.Obj("""{"apiVersion":"batch/v1","kind":"Job","status":{"active":1,"ready":1,"startTime":"2024-01-01T00:00:00Z"}}""");
        var pdb = TestJson.Obj("""{"apiVersion":"policy/v1","kind":"PodDisruptionBudget","status":{"currentHealthy":2,"observedGeneration":4}}""");
        var hpa = TestJson.Obj("""{"apiVersion":"autoscaling/v2","kind":"HorizontalPodAutoscaler","status":{"currentReplicas":2,"desiredReplicas":3,"currentMetrics":[]}}""");

        TestJson.Equal("""{"startTime":"2024-01-01T00:00:00Z","active":1}""", _interpreter.ReflectStatus(job));
        TestJson.Equal("""{"disruptionsAllowed":0,"currentHealthy":2,"desiredHealthy":0,"expectedPods":0}""", _interpreter.ReflectStatus(pdb));
        TestJson.Equal("""{"currentReplicas":2,"desiredReplicas":3}""", _interpreter.ReflectStatus(hpa));
    }
}
