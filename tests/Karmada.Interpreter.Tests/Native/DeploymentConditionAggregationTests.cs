using System.Text.Json.Nodes;

namespace Karmada.Interpreter.Tests.Native;

public sealed class DeploymentConditionAggregationTests
{
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private const string AvailableTrue = """{"type":"Available","status":"True","reason":"MinimumReplicasAvailable","message":"Deployment has minimum availability."}""";
    private const string AvailableFalse = """{"type":"Available","status":"False","reason":"MinimumReplicasUnavailable","message":"Deployment does not have minimum availability."}""";
    private const string ProgressingTrue = """{"type":"Progressing","status":"True","reason":"NewReplicaSetAvailable","message":"done"}""";

    private readonly ResourceInterpreter _interpreter = ResourceInterpreter.CreateDefault(new FixedTimeProvider(Now));

    [Fact]
    public void AggregateStatus_EveryMemberAvailable_TemplateAvailableTrue()
    {
        var result = _interpreter.AggregateStatus(Deployment(), [Member("m2", AvailableTrue, ProgressingTrue), Member("m1", AvailableTrue, ProgressingTrue)]);

        TestJson.Equal("""
            [{"type":"Available","status":"True","lastUpdateTime":"2024-05-01T12:00:00Z","lastTransitionTime":"2024-05-01T12:00:00Z","reason":"MinimumReplicasAvailable","message":"Available in every member cluster: m1, m2"},
             {"type":"Progressing","status":"True","lastUpdateTime":"2024-05-01T12:00:00Z","lastTransitionTime":"2024-05-01T12:00:00Z","reason":"NewReplicaSetAvailable","message":"Progressing in every member cluster: m1, m2"}]
            """, result["status"]!["conditions"]);
        Assert.Equal(1, (int)result["status"]!["observedGeneration"]!);
    }

    [Fact]
    public void AggregateStatus_OneMemberUnavailable_TemplateAvailableFalseNamingIt()
    {
        var result = _interpreter.AggregateStatus(Deployment(), [Member("m1", AvailableTrue), Member("m2", AvailableFalse)]);

        var available = Condition(result, "Available");
        Assert.Equal("False", (string?)available["status"]);
        Assert.Equal("MinimumReplicasUnavailable", (string?)available["reason"]);
        Assert.Equal("m2: Deployment does not have minimum availability.", (string?)available["message"]);
    }

    [Fact]
    public void AggregateStatus_MemberWithoutStatusYet_TemplateAvailableUnknown()
    {
        var result = _interpreter.AggregateStatus(Deployment(), [Member("m1", AvailableTrue), TestJson.Item("m2", null)]);

        var available = Condition(result, "Available");
        Assert.Equal("Unknown", (string?)available["status"]);
        Assert.Equal("Available not reported yet by member cluster(s) m2", (string?)available["message"]);
    }

    [Fact]
    public void AggregateStatus_SameConditionAgain_KeepsTimestampsAndObject()
    {
        var template = Deployment("""
            [{"type":"Available","status":"True","lastUpdateTime":"2024-01-01T00:00:00Z","lastTransitionTime":"2024-01-01T00:00:00Z","reason":"MinimumReplicasAvailable","message":"Available in every member cluster: m1"}]
            """);

        var result = _interpreter.AggregateStatus(template, [Member("m1", AvailableTrue)]);

        Assert.True(JsonNode.DeepEquals(template["status"], result["status"]), result["status"]!.ToJsonString());
    }

    [Fact]
    public void AggregateStatus_AvailableTurnsFalse_MovesTransitionTime()
    {
        var template = Deployment("""
            [{"type":"Available","status":"True","lastUpdateTime":"2024-01-01T00:00:00Z","lastTransitionTime":"2024-01-01T00:00:00Z","reason":"MinimumReplicasAvailable","message":"Available in every member cluster: m1"}]
            """);

        var available = Condition(_interpreter.AggregateStatus(template, [Member("m1", AvailableFalse)]), "Available");

        Assert.Equal("False", (string?)available["status"]);
        Assert.Equal("2024-05-01T12:00:00Z", (string?)available["lastTransitionTime"]);
    }

    [Fact]
    public void AggregateStatus_MembersWithoutConditions_AddNoConditions()
    {
        var result = _interpreter.AggregateStatus(Deployment(), [TestJson.Item("m1", """{"generation":1,"observedGeneration":1,"resourceTemplateGeneration":1,"replicas":1}""")]);

        Assert.Null(result["status"]!["conditions"]);
    }

    [Fact]
    public void AggregateThenReflect_MemberDeploymentConditions_ReachTheTemplate()
    {
        var member = TestJson.Obj($$$"""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"generation":1,"annotations":{"resourcetemplate.karmada.io/generation":"1"}},
             "status":{"observedGeneration":1,"replicas":1,"availableReplicas":1,"conditions":[{{{AvailableTrue}}}]}}
            """);
        var reflected = _interpreter.ReflectStatus(member);

        var result = _interpreter.AggregateStatus(Deployment(), [new() { ClusterName = "m1", Status = reflected, Applied = true }]);

        Assert.Equal("True", (string?)Condition(result, "Available")["status"]);
    }

    private static JsonObject Deployment(string? conditions = null) =>
        TestJson.Obj(conditions is null
            ? """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d","generation":1},"status":{"observedGeneration":1}}"""
            : $$$"""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d","generation":1},"status":{"observedGeneration":1,"conditions":{{{conditions}}}}}""");

    private static Karmada.Api.Work.V1Alpha2.AggregatedStatusItem Member(string cluster, params string[] conditions) =>
        TestJson.Item(cluster, $$$"""{"generation":1,"observedGeneration":1,"resourceTemplateGeneration":1,"conditions":[{{{string.Join(",", conditions)}}}]}""");

    private static JsonObject Condition(JsonObject result, string type) =>
        result["status"]!["conditions"]!.AsArray().OfType<JsonObject>().Single(c => (string?)c["type"] == type);
}
