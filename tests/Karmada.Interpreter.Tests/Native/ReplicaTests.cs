using Karmada.Api.Core;

namespace Karmada.Interpreter.Tests.Native;

public sealed class ReplicaTests
{
    private readonly ResourceInterpreter _interpreter = ResourceInterpreter.CreateDefault();

    [Fact]
    public void GetReplicas_Deployment_SumsRequestsAndBuildsNodeClaim()
    {
        var deployment = TestJson.Obj("""
            {"apiVersion":"apps/v1","kind":"Deployment","spec":{"replicas":3,"template":{"spec":{
              "nodeSelector":{"disk":"ssd"},
              "tolerations":[{"key":"gpu","operator":"Exists","effect":"NoSchedule"}],
              "affinity":{"nodeAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[{"matchExpressions":[{"key":"zone","operator":"In","values":["a"]}]}]}}},
              "containers":[{"name":"a","resources":{"requests":{"cpu":"250m","memory":"128Mi","nvidia.com/gpu":"1"}}},
                            {"name":"b","resources":{"requests":{"cpu":"1","memory":"1Gi","unknown":"5"}}}],
              "initContainers":[{"name":"i","resources":{"requests":{"cpu":"2","memory":"64Mi"}}}],
              "overhead":{"cpu":"100m"}}}}}
            """);

        var result = _interpreter.GetReplicas(deployment);

        Assert.Equal(3, result.Replicas);
        var requirements = Assert.IsType<Karmada.Api.Work.V1Alpha2.ReplicaRequirements>(result.Requirements);
        Assert.Equal(new ResourceList { ["cpu"] = "2100m", ["memory"] = "1152Mi", ["nvidia.com/gpu"] = "1" }, requirements.ResourceRequest);
        Assert.Equal("ssd", requirements.NodeClaim!.NodeSelector["disk"]);
        Assert.Equal("gpu", Assert.Single(requirements.NodeClaim.Tolerations).Key);
        Assert.Equal("zone", requirements.NodeClaim.HardNodeAffinity!.NodeSelectorTerms[0].MatchExpressions[0].Key);
    }

    [Fact]
    public void GetReplicas_TemplateWithoutRequirements_NullRequirements()
    {
        var statefulSet = TestJson.Obj("""{"apiVersion":"apps/v1","kind":"StatefulSet","spec":{"template":{"spec":{"containers":[{"name":"a"}]}}}}""");

        var result = _interpreter.GetReplicas(statefulSet);

        Assert.Equal(0, result.Replicas);
        Assert.Null(result.Requirements);
    }

    [Theory]
    [InlineData("""{"parallelism":5,"completions":3}""", 3)]
    [InlineData("""{"parallelism":2,"completions":10}""", 2)]
    [InlineData("""{"parallelism":4}""", 4)]
    public void GetReplicas_Job_IsMinOfParallelismAndCompletions(string spec, int expected)
    {
        var job = TestJson.Obj($$$"""{"apiVersion":"batch/v1","kind":"Job","spec":{{{spec}}}}""");

        Assert.Equal(expected, _interpreter.GetReplicas(job).Replicas);
    }

    [Fact]
    public void GetReplicas_Pod_IsOneWithPodRequests()
    {
        var pod = TestJson.Obj("""{"apiVersion":"v1","kind":"Pod","spec":{"containers":[{"name":"a","resources":{"requests":{"cpu":"1"}}}]}}""");

        var result = _interpreter.GetReplicas(pod);

        Assert.Equal(1, result.Replicas);
        Assert.Equal("1", result.Requirements!.ResourceRequest["cpu"]);
    }

    [Fact]
    public void GetReplicas_MalformedReplicas_Throws()
    {
        var deployment = TestJson.Obj("""{"apiVersion":"apps/v1","kind":"Deployment","spec":{"replicas":"three"}}""");

        Assert.Throws<InterpreterException>(() => _interpreter.GetReplicas(deployment));
    }

    [Fact]
    public void ReviseReplica_Job_OnlyWhenParallelismIsSet()
    {
        var withParallelism = TestJson.Obj("""{"apiVersion":"batch/v1","kind":"Job","spec":{"parallelism":1}}""");
        var without = TestJson.Obj("""{"apiVersion":"batch/v1","kind":"Job","spec":{}}""");

        TestJson.Equal("""{"apiVersion":"batch/v1","kind":"Job","spec":{"parallelism":4}}""", _interpreter.ReviseReplica(withParallelism, 4));
        TestJson.Equal("""{"apiVersion":"batch/v1","kind":"Job","spec":{}}""", _interpreter.ReviseReplica(without, 4));
    }
}
