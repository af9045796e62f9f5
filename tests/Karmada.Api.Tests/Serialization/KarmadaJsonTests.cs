using System.Text.Json;
using System.Text.Json.Nodes;
using Karmada.Api.Policy.V1Alpha1;
using WorkV1Alpha1 = Karmada.Api.Work.V1Alpha1;

namespace Karmada.Api.Tests.Serialization;

public sealed class KarmadaJsonTests
{
    [Fact]
    public void Options_AreReadOnly()
    {
        Assert.True(KarmadaJson.Options.IsReadOnly);
        Assert.Throws<InvalidOperationException>(() => KarmadaJson.Options.WriteIndented = true);
    }

    [Fact]
    public void Options_TypeOutsideContext_IsRejected()
    {
        Assert.False(KarmadaJson.CanSerialize(typeof(Uri)));
        Assert.ThrowsAny<Exception>(() => JsonSerializer.Serialize(new Uri("https://example.com"), KarmadaJson.Options));
    }

    [Fact]
    public void Deserialize_JsonNull_Throws()
    {
        Assert.Throws<JsonException>(() => KarmadaJson.Deserialize<PropagationPolicy>("null"));
    }

    [Fact]
    public void Deserialize_FromNodeAndUtf8_MatchesText()
    {
        var text = TestData.Read("propagationpolicy-nginx.json");

        var fromNode = KarmadaJson.Deserialize<PropagationPolicy>(JsonNode.Parse(text)!);
        var fromBytes = KarmadaJson.Deserialize<PropagationPolicy>(System.Text.Encoding.UTF8.GetBytes(text));

        Assert.Equal(KarmadaJson.Serialize(fromNode), KarmadaJson.Serialize(fromBytes));
        Assert.Equal("nginx-propagation", fromNode.Metadata.Name);
        Assert.Equal(ReplicaDivisionPreference.Weighted, fromNode.Spec.Placement.ReplicaScheduling!.ReplicaDivisionPreference);
        Assert.Equal(2, fromNode.Spec.Placement.ReplicaScheduling.WeightPreference!.StaticWeightList.Count);
    }

    [Fact]
    public void DeepClone_MutatingClone_LeavesOriginalUntouched()
    {
        var work = KarmadaJson.Deserialize<WorkV1Alpha1.Work>(TestData.Read("work.json"));

        var clone = work.DeepClone();
        clone.Metadata.Labels["new"] = "label";
        clone.Spec.Workload.Manifests[0]["spec"]!["replicas"] = 5;
        clone.Status.Conditions[0].Reason = "Changed";

        Assert.False(work.Metadata.Labels.ContainsKey("new"));
        Assert.Equal(1, (int)work.Spec.Workload.Manifests[0]["spec"]!["replicas"]!);
        Assert.Equal("AppliedSuccessful", work.Status.Conditions[0].Reason);
    }

    [Fact]
    public void SerializeToUtf8Bytes_RoundTrips()
    {
        var policy = new PropagationPolicy { Metadata = { Name = "p", Namespace = "ns" } };

        var bytes = KarmadaJson.SerializeToUtf8Bytes(policy);

        Assert.Equal("p", KarmadaJson.Deserialize<PropagationPolicy>(bytes).Metadata.Name);
    }
}
