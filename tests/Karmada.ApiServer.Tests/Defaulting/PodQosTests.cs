using System.Text.Json.Nodes;
using Karmada.ApiServer.Defaulting;

namespace Karmada.ApiServer.Tests.Defaulting;

/// <summary>Upstream's QoS rules (<c>qos.ComputePodQOS</c>) over containers, init containers and pod-level resources.</summary>
public sealed class PodQosTests
{
    [Fact]
    public void NoRequestsOrLimitsAnywhereIsBestEffort()
    {
        Assert.Equal(PodQos.BestEffort, PodQos.Compute(Spec(Container(), Container(requests: """{"ephemeral-storage":"1Gi"}"""))));
        Assert.Equal(PodQos.BestEffort, PodQos.Compute(Spec(Container(requests: """{"cpu":"0"}"""))));
        Assert.Equal(PodQos.BestEffort, PodQos.Compute(null));
    }

    [Fact]
    public void EqualCpuAndMemoryRequestsAndLimitsInEveryContainerIsGuaranteed()
    {
        var spec = Spec(
            Container(requests: """{"cpu":"500m","memory":"128Mi"}""", limits: """{"cpu":"0.5","memory":"128Mi"}"""),
            Container(requests: """{"cpu":1,"memory":"1Gi"}""", limits: """{"cpu":"1000m","memory":"1024Mi"}"""));

        Assert.Equal(PodQos.Guaranteed, PodQos.Compute(spec));
    }

    [Fact]
    public void AnyRequestOrLimitWithoutTheGuaranteeIsBurstable()
    {
        // Requests below limits.
        Assert.Equal(PodQos.Burstable, PodQos.Compute(Spec(Container(requests: """{"cpu":"100m","memory":"64Mi"}""", limits: """{"cpu":"200m","memory":"64Mi"}"""))));

        // No memory limit.
        Assert.Equal(PodQos.Burstable, PodQos.Compute(Spec(Container(requests: """{"cpu":"1"}""", limits: """{"cpu":"1"}"""))));

        // One container guaranteed, the other with nothing.
        Assert.Equal(PodQos.Burstable, PodQos.Compute(Spec(Container(requests: """{"cpu":"1","memory":"1Gi"}""", limits: """{"cpu":"1","memory":"1Gi"}"""), Container())));

        // Requests only.
        Assert.Equal(PodQos.Burstable, PodQos.Compute(Spec(Container(requests: """{"memory":"1Gi"}"""))));
    }

    [Fact]
    public void InitContainersCount()
    {
        var guaranteedApp = Container(requests: """{"cpu":"1","memory":"1Gi"}""", limits: """{"cpu":"1","memory":"1Gi"}""");
        var spec = Spec(guaranteedApp);
        spec["initContainers"] = new JsonArray(Container());
        Assert.Equal(PodQos.Burstable, PodQos.Compute(spec));

        var onlyInit = Spec(Container());
        onlyInit["initContainers"] = new JsonArray(Container(requests: """{"cpu":"10m"}"""));
        Assert.Equal(PodQos.Burstable, PodQos.Compute(onlyInit));
    }

    [Fact]
    public void PodLevelResourcesDecideWhenSet()
    {
        var spec = Spec(Container());
        spec["resources"] = JsonNode.Parse("""{"requests":{"cpu":"1","memory":"1Gi"},"limits":{"cpu":"1","memory":"1Gi"}}""");
        Assert.Equal(PodQos.Guaranteed, PodQos.Compute(spec));

        spec["resources"] = JsonNode.Parse("""{"requests":{"cpu":"1"}}""");
        Assert.Equal(PodQos.Burstable, PodQos.Compute(spec));
    }

    private static JsonObject Spec(params JsonObject[] containers) => new() { ["containers"] = new JsonArray(containers) };

    private static JsonObject Container(string? requests = null, string? limits = null)
    {
        var resources = new JsonObject();
        if (requests is not null)
        {
            resources["requests"] = JsonNode.Parse(requests);
        }

        if (limits is not null)
        {
            resources["limits"] = JsonNode.Parse(limits);
        }

        return new JsonObject { ["name"] = "c" + Guid.NewGuid().ToString("N")[..6], ["image"] = "nginx", ["resources"] = resources };
    }
}
