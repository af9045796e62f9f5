using System.Text.Json.Nodes;
using Karmada.Api.Meta;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;

namespace Karmada.Api.Tests.Serialization;

/// <summary>Go <c>encoding/json</c> semantics: omitempty, pointers, value structs and required fields.</summary>
public sealed class OmitEmptyTests
{
    [Fact]
    public void Serialize_NewResourceBinding_WritesGoZeroValue()
    {
        var json = KarmadaJson.Serialize(new ResourceBinding());

        JsonAssert.Equivalent(
            """
            {"apiVersion":"work.karmada.io/v1alpha2","kind":"ResourceBinding","metadata":{},
             "spec":{"resource":{"apiVersion":"","kind":"","name":""}},"status":{}}
            """,
            json);
    }

    [Fact]
    public void Serialize_NewPropagationPolicy_KeepsRequiredListAndValueStruct()
    {
        var json = KarmadaJson.Serialize(new PropagationPolicy());

        JsonAssert.Equivalent(
            """
            {"apiVersion":"policy.karmada.io/v1alpha1","kind":"PropagationPolicy","metadata":{},
             "spec":{"resourceSelectors":[],"placement":{}}}
            """,
            json);
    }

    [Fact]
    public void Serialize_ZeroIntWithOmitEmpty_IsOmitted()
    {
        var target = new TargetCluster { Name = "member1", Replicas = 0 };

        var node = KarmadaJson.SerializeToNode(new ResourceBinding { Spec = { Clusters = [target] } })!;

        Assert.False(node["spec"]!["clusters"]![0]!.AsObject().ContainsKey("replicas"));
    }

    [Fact]
    public void Serialize_NonZeroIntWithOmitEmpty_IsWritten()
    {
        var node = KarmadaJson.SerializeToNode(new ResourceBinding { Spec = { Replicas = 3 } })!;

        Assert.Equal(3, (int)node["spec"]!["replicas"]!);
    }

    [Fact]
    public void Serialize_PointerSetToZeroOrFalse_IsWritten()
    {
        var policy = new PropagationPolicy
        {
            Spec = { Priority = 0, PreserveResourcesOnDeletion = false },
        };

        var spec = KarmadaJson.SerializeToNode(policy)!["spec"]!.AsObject();

        Assert.Equal(0, (int)spec["priority"]!);
        Assert.False((bool)spec["preserveResourcesOnDeletion"]!);
    }

    [Fact]
    public void Serialize_EmptyStringAndCollectionsWithOmitEmpty_AreOmitted()
    {
        var policy = new PropagationPolicy
        {
            Metadata = { Name = "", Namespace = "default", Labels = [], Finalizers = [] },
            Spec = { SchedulerName = "", DependentOverrides = [] },
        };

        var node = KarmadaJson.SerializeToNode(policy)!;

        JsonAssert.Equivalent(JsonNode.Parse("""{"namespace":"default"}"""), node["metadata"]);
        Assert.False(node["spec"]!.AsObject().ContainsKey("schedulerName"));
        Assert.False(node["spec"]!.AsObject().ContainsKey("dependentOverrides"));
    }

    [Fact]
    public void Serialize_RequiredStringEmpty_IsWritten()
    {
        var node = KarmadaJson.SerializeToNode(new PropagationPolicy { Spec = { ResourceSelectors = [new ResourceSelector()] } })!;

        JsonAssert.Equivalent(JsonNode.Parse("""{"apiVersion":"","kind":""}"""), node["spec"]!["resourceSelectors"]![0]);
    }

    [Fact]
    public void Serialize_ConditionWithoutTransitionTime_WritesNullAndEmptyReasonMessage()
    {
        var status = new ResourceBindingStatus { Conditions = [new Condition { Type = "Scheduled", Status = ConditionStatus.False }] };

        var json = KarmadaJson.SerializeToNode(new ResourceBinding { Status = status })!["status"]!["conditions"]![0];

        JsonAssert.Equivalent(
            JsonNode.Parse("""{"type":"Scheduled","status":"False","lastTransitionTime":null,"reason":"","message":""}"""),
            json);
    }

    [Fact]
    public void Serialize_PlaintextRemoveWithoutValue_WritesNullValue()
    {
        var overrider = new PlaintextOverrider { Path = "/spec/paused", Operator = OverriderOperator.Remove };
        var policy = new OverridePolicy { Spec = { OverrideRules = [new RuleWithCluster { Overriders = { Plaintext = [overrider] } }] } };

        var node = KarmadaJson.SerializeToNode(policy)!["spec"]!["overrideRules"]![0]!["overriders"]!["plaintext"]![0]!;

        JsonAssert.Equivalent(JsonNode.Parse("""{"path":"/spec/paused","operator":"remove","value":null}"""), node);
    }

    [Fact]
    public void Serialize_OverridePolicyWithoutDeprecatedOverriders_WritesEmptyOverridersLikeGo()
    {
        var policy = KarmadaJson.Deserialize<OverridePolicy>(
            """{"apiVersion":"policy.karmada.io/v1alpha1","kind":"OverridePolicy","metadata":{"name":"op"},"spec":{}}""");

        var spec = KarmadaJson.SerializeToNode(policy)!["spec"]!;

        JsonAssert.Equivalent(JsonNode.Parse("""{"overriders":{}}"""), spec);
    }

    [Fact]
    public void Deserialize_NullForNonNullableMembers_KeepsEmptyValues()
    {
        var binding = KarmadaJson.Deserialize<ResourceBinding>(
            """{"metadata":{"labels":null,"finalizers":null},"spec":{"clusters":null,"resource":null},"status":null}""");

        Assert.NotNull(binding.Metadata.Labels);
        Assert.Empty(binding.Spec.Clusters);
        Assert.NotNull(binding.Spec.Resource);
        Assert.NotNull(binding.Status);
    }

    [Fact]
    public void Deserialize_MissingTypeMeta_UsesKindDefaults()
    {
        var binding = KarmadaJson.Deserialize<ResourceBinding>("""{"metadata":{"name":"x"}}""");

        Assert.Equal("work.karmada.io/v1alpha2", binding.ApiVersion);
        Assert.Equal("ResourceBinding", binding.Kind);
    }

    [Fact]
    public void Deserialize_UnknownFields_AreDropped()
    {
        var policy = KarmadaJson.Deserialize<PropagationPolicy>("""{"metadata":{"name":"p"},"spec":{"bogus":1},"extra":true}""");

        var json = KarmadaJson.SerializeToNode(policy)!.AsObject();

        Assert.False(json.ContainsKey("extra"));
        Assert.False(json["spec"]!.AsObject().ContainsKey("bogus"));
    }

    [Fact]
    public void Serialize_InlinedEmbeddedStruct_IsFlattened()
    {
        var term = new ClusterAffinityTerm { AffinityName = "primary", ClusterNames = ["member1"] };
        var policy = new PropagationPolicy { Spec = { Placement = { ClusterAffinities = [term] } } };

        var node = KarmadaJson.SerializeToNode(policy)!["spec"]!["placement"]!["clusterAffinities"]![0];

        JsonAssert.Equivalent(JsonNode.Parse("""{"affinityName":"primary","clusterNames":["member1"]}"""), node);
    }

    [Fact]
    public void Serialize_BindingSuspension_InlinesPolicySuspension()
    {
        var binding = new ResourceBinding { Spec = { Suspension = new() { Dispatching = true, Scheduling = true } } };

        var node = KarmadaJson.SerializeToNode(binding)!["spec"]!["suspension"];

        JsonAssert.Equivalent(JsonNode.Parse("""{"dispatching":true,"scheduling":true}"""), node);
    }

    [Fact]
    public void Serialize_RequiredPointerTimesUnset_WritesNull()
    {
        var execution = new Autoscaling.V1Alpha1.SuccessfulExecution { AppliedReplicas = 2 };
        var cron = new Autoscaling.V1Alpha1.CronFederatedHPA
        {
            Status = { ExecutionHistories = [new() { RuleName = "r", SuccessfulExecutions = [execution] }] },
        };

        var node = KarmadaJson.SerializeToNode(cron)!["status"]!["executionHistories"]![0]!["successfulExecutions"]![0];

        JsonAssert.Equivalent(JsonNode.Parse("""{"scheduleTime":null,"executionTime":null,"appliedReplicas":2}"""), node);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("x", false)]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(0L, true)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void IsEmpty_GoZeroValues_AreEmpty(object? value, bool empty)
    {
        Assert.Equal(empty, Karmada.Api.Serialization.GoJsonContract.IsEmpty(value));
    }

    [Fact]
    public void IsEmpty_Collections_EmptyOnlyWithoutItems()
    {
        Assert.True(Karmada.Api.Serialization.GoJsonContract.IsEmpty(new List<string>()));
        Assert.False(Karmada.Api.Serialization.GoJsonContract.IsEmpty(new List<string> { "a" }));
        Assert.True(Karmada.Api.Serialization.GoJsonContract.IsEmpty(new Dictionary<string, string>()));
        Assert.False(Karmada.Api.Serialization.GoJsonContract.IsEmpty(new JsonObject()));
    }
}
