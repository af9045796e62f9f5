using System.Text.Json;
using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;

namespace Karmada.Api.Tests.Serialization;

public sealed class QuantityJsonConverterTests
{
    [Fact]
    public void Deserialize_ResourceList_CanonicalizesLikeGo()
    {
        var binding = KarmadaJson.Deserialize<ResourceBinding>(
            """{"spec":{"replicaRequirements":{"resourceRequest":{"cpu":"1000m","memory":1073741824,"nvidia.com/gpu":1,"ephemeral-storage":" 0.5Gi ","pods":0.5}}}}""");

        var request = binding.Spec.ReplicaRequirements!.ResourceRequest;
        Assert.Equal("1", request["cpu"]);
        Assert.Equal("1073741824", request["memory"]);
        Assert.Equal("1", request["nvidia.com/gpu"]);
        Assert.Equal("512Mi", request["ephemeral-storage"]);
        Assert.Equal("500m", request["pods"]);
    }

    [Fact]
    public void Serialize_ResourceList_WritesStringsSortedByName()
    {
        var binding = new ResourceBinding { Spec = { ReplicaRequirements = new() { ResourceRequest = { ["memory"] = "1Gi", ["cpu"] = "1" } } } };

        var json = KarmadaJson.Serialize(binding);

        Assert.Contains("\"resourceRequest\":{\"cpu\":\"1\",\"memory\":\"1Gi\"}", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_InvalidQuantity_Throws()
    {
        Assert.Throws<JsonException>(() => KarmadaJson.Deserialize<ResourceBinding>(
            """{"spec":{"replicaRequirements":{"resourceRequest":{"cpu":"lots"}}}}"""));
    }

    [Fact]
    public void Deserialize_ResourceModelRange_CanonicalizesMinAndMax()
    {
        var cluster = KarmadaJson.Deserialize<Cluster.V1Alpha1.Cluster>(
            """{"spec":{"syncMode":"Push","resourceModels":[{"grade":0,"ranges":[{"name":"memory","min":0,"max":"4096Mi"}]}]}}""");

        var range = cluster.Spec.ResourceModels[0].Ranges[0];
        Assert.Equal("0", range.Min);
        Assert.Equal("4Gi", range.Max);
    }

    [Fact]
    public void Deserialize_ResourceSummary_ReadsQuantities()
    {
        var status = KarmadaJson.Deserialize<Cluster.V1Alpha1.Cluster>(
            """{"status":{"resourceSummary":{"allocatable":{"cpu":"8","memory":"32Gi"},"allocated":{"cpu":"1500m"}}}}""").Status;

        var free = status.ResourceSummary!.Allocatable.GetQuantity("cpu") - status.ResourceSummary.Allocated.GetQuantity("cpu");

        Assert.Equal("6500m", free.ToString());
        Assert.IsType<ResourceSummary>(status.ResourceSummary);
    }
}
