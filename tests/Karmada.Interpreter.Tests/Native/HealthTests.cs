namespace Karmada.Interpreter.Tests.Native;

public sealed class HealthTests
{
    private readonly ResourceInterpreter _interpreter = ResourceInterpreter.CreateDefault();

    [Theory]
    [InlineData("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"generation":1},"spec":{"replicas":2},"status":{"observedGeneration":1,"updatedReplicas":2,"availableReplicas":2}}""", true)]
    [InlineData("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"generation":2},"spec":{"replicas":2},"status":{"observedGeneration":1,"updatedReplicas":2,"availableReplicas":2}}""", false)]
    [InlineData("""{"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"generation":1},"spec":{"replicas":2},"status":{"observedGeneration":1,"updatedReplicas":1,"availableReplicas":1}}""", false)]
    [InlineData("""{"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"generation":1},"spec":{"replicas":2},"status":{"observedGeneration":1,"availableReplicas":2}}""", true)]
    [InlineData("""{"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"generation":1},"status":{"observedGeneration":1,"desiredNumberScheduled":3,"updatedNumberScheduled":3,"numberAvailable":2}}""", false)]
    [InlineData("""{"apiVersion":"v1","kind":"Service","spec":{"type":"LoadBalancer"},"status":{"loadBalancer":{"ingress":[{"hostname":"lb"}]}}}""", true)]
    [InlineData("""{"apiVersion":"v1","kind":"Service","spec":{"type":"LoadBalancer"},"status":{"loadBalancer":{}}}""", false)]
    [InlineData("""{"apiVersion":"networking.k8s.io/v1","kind":"Ingress","status":{"loadBalancer":{"ingress":[{}]}}}""", false)]
    [InlineData("""{"apiVersion":"v1","kind":"PersistentVolumeClaim","status":{"phase":"Bound"}}""", true)]
    [InlineData("""{"apiVersion":"v1","kind":"Pod","status":{"phase":"Succeeded"}}""", true)]
    [InlineData("""{"apiVersion":"v1","kind":"Pod","status":{"phase":"Running"}}""", false)]
    [InlineData("""{"apiVersion":"policy/v1","kind":"PodDisruptionBudget","status":{"currentHealthy":1,"desiredHealthy":2}}""", false)]
    public void InterpretHealth_Kind_FollowsUpstream(string obj, bool healthy)
    {
        Assert.Equal(healthy, _interpreter.InterpretHealth(TestJson.Obj(obj)));
    }
}
