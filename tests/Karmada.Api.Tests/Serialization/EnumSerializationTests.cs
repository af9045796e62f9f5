using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Config.V1Alpha1;
using Karmada.Api.Core;
using Karmada.Api.Policy.V1Alpha1;

namespace Karmada.Api.Tests.Serialization;

public sealed class EnumSerializationTests
{
    public static TheoryData<Type> EnumTypes() =>
        [.. typeof(KarmadaJson).Assembly.GetTypes().Where(t => t.IsEnum && t.IsPublic && t != typeof(QuantityFormat)).OrderBy(t => t.FullName, StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(EnumTypes))]
    public void Enum_EveryMember_HasStrictStringConverter(Type enumType)
    {
        var converter = enumType.GetCustomAttribute<JsonConverterAttribute>();

        Assert.NotNull(converter);
        Assert.Equal(typeof(Karmada.Api.Serialization.StrictEnumConverter<>).MakeGenericType(enumType), converter.ConverterType);
    }

    [Theory]
    [InlineData(OverriderOperator.Add, "add")]
    [InlineData(OverriderOperator.Remove, "remove")]
    [InlineData(OverriderOperator.Replace, "replace")]
    public void Serialize_OverriderOperator_WritesLowerCaseWireValue(OverriderOperator op, string wire)
    {
        var overrider = new PlaintextOverrider { Path = "/a", Operator = op };
        var node = KarmadaJson.SerializeToNode(new OverridePolicy { Spec = { Overriders = { Plaintext = [overrider] } } })!;

        Assert.Equal(wire, (string)node["spec"]!["overriders"]!["plaintext"]![0]!["operator"]!);
    }

    [Fact]
    public void Serialize_SpreadFieldAndSyncModeAndAllOperations_WriteUpstreamValues()
    {
        var pp = new PropagationPolicy { Spec = { Placement = { SpreadConstraints = [new() { SpreadByField = SpreadFieldValue.Region }] } } };
        var cluster = new Cluster.V1Alpha1.Cluster { Spec = { SyncMode = ClusterSyncMode.Pull } };
        var webhook = new ResourceInterpreterWebhook { Rules = [new RuleWithOperations { Operations = [InterpreterOperation.All] }] };

        Assert.Equal("region", (string)KarmadaJson.SerializeToNode(pp)!["spec"]!["placement"]!["spreadConstraints"]![0]!["spreadByField"]!);
        Assert.Equal("Pull", (string)KarmadaJson.SerializeToNode(cluster)!["spec"]!["syncMode"]!);
        Assert.Equal("*", (string)KarmadaJson.SerializeToNode(new ResourceInterpreterWebhookConfiguration { Webhooks = [webhook] })!["webhooks"]![0]!["rules"]![0]!["operations"]![0]!);
    }

    [Fact]
    public void Deserialize_WireValues_MapToMembers()
    {
        var pp = KarmadaJson.Deserialize<PropagationPolicy>(
            """{"spec":{"placement":{"spreadConstraints":[{"spreadByField":"zone"}],"replicaScheduling":{"replicaSchedulingType":"Divided"}},"conflictResolution":"Overwrite"}}""");

        Assert.Equal(SpreadFieldValue.Zone, pp.Spec.Placement.SpreadConstraints[0].SpreadByField);
        Assert.Equal(ReplicaSchedulingType.Divided, pp.Spec.Placement.ReplicaScheduling!.ReplicaSchedulingType);
        Assert.Equal(ConflictResolution.Overwrite, pp.Spec.ConflictResolution);
    }

    [Theory]
    [InlineData("""{"spec":{"conflictResolution":"Sometimes"}}""")]
    [InlineData("""{"spec":{"conflictResolution":1}}""")]
    [InlineData("""{"spec":{"preemption":"1"}}""")]
    public void Deserialize_UnknownOrNumericEnum_Throws(string json)
    {
        Assert.Throws<JsonException>(() => KarmadaJson.Deserialize<PropagationPolicy>(json));
    }
}
