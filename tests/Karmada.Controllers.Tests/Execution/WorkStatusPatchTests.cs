using System.Text.Json.Nodes;
using Karmada.Api.Meta;
using Karmada.Controllers.Execution;
using WorkV1Alpha1 = Karmada.Api.Work.V1Alpha1;

namespace Karmada.Controllers.Tests.Execution;

public sealed class WorkStatusPatchTests
{
    [Fact]
    public void Merge_ReplacesFreshOrdinals_KeepsOthers_OrdersByOrdinal()
    {
        List<WorkV1Alpha1.ManifestStatus> current = [Status(2, "old-2"), Status(0, "old-0")];
        var merged = WorkStatusPatch.Merge(current, new Dictionary<int, WorkV1Alpha1.ManifestStatus> { [2] = Status(2, "new-2"), [1] = Status(1, "new-1") });

        Assert.Equal([0, 1, 2], merged.Select(s => s.Identifier.Ordinal));
        Assert.Equal(["old-0", "new-1", "new-2"], merged.Select(s => s.Identifier.Name));
    }

    [Fact]
    public void SameStatuses_ComparesContent()
    {
        Assert.True(WorkStatusPatch.SameStatuses([Status(0, "a")], [Status(0, "a")]));
        Assert.False(WorkStatusPatch.SameStatuses([Status(0, "a")], [Status(0, "b")]));
        Assert.False(WorkStatusPatch.SameStatuses([Status(0, "a")], []));
    }

    [Fact]
    public void SameStatuses_AgreesWithTheSerializedComparison()
    {
        // Pairs that serialize alike (empty and absent omit-empty strings, key order inside the reflected status)
        // and pairs that differ in each field.
        WorkV1Alpha1.ManifestStatus Reflected(string json, string? group = "apps", WorkV1Alpha1.ResourceHealth? health = WorkV1Alpha1.ResourceHealth.Healthy) => new()
        {
            Identifier = new WorkV1Alpha1.ResourceIdentifier { Ordinal = 0, Group = group, Version = "v1", Kind = "Deployment", Resource = "deployments", Namespace = "default", Name = "web" },
            Status = json.Length == 0 ? null : JsonNode.Parse(json)!.AsObject(),
            Health = health,
        };

        (WorkV1Alpha1.ManifestStatus A, WorkV1Alpha1.ManifestStatus B, bool Same)[] cases =
        [
            (Reflected("""{"replicas":1,"readyReplicas":1}"""), Reflected("""{"replicas":1,"readyReplicas":1}"""), true),
            (Reflected("", group: ""), Reflected("", group: null), true),
            (Reflected("""{"replicas":1}"""), Reflected("""{"replicas":2}"""), false),
            (Reflected("""{"replicas":1}"""), Reflected(""), false),
            (Reflected("{}"), Reflected(""), false),
            (Reflected("""{"replicas":1}"""), Reflected("""{"replicas":1}""", health: WorkV1Alpha1.ResourceHealth.Unhealthy), false),
            (Reflected("""{"replicas":1}"""), Reflected("""{"replicas":1}""", health: null), false),
            (Reflected("", group: "apps"), Reflected("", group: null), false),
            (Status(0, "a"), Status(1, "a"), false),
        ];
        foreach (var (a, b, same) in cases)
        {
            var serializedSame = Karmada.Api.KarmadaJson.Serialize(a) == Karmada.Api.KarmadaJson.Serialize(b);
            Assert.True(same == serializedSame, $"case {Karmada.Api.KarmadaJson.Serialize(a)} vs {Karmada.Api.KarmadaJson.Serialize(b)}");
            Assert.Equal(same, WorkStatusPatch.SameStatuses([a], [b]));
        }

        // Reordered keys serialize differently but say the same: no write is needed for them.
        Assert.True(WorkStatusPatch.SameStatuses([Reflected("""{"a":1,"b":2}""")], [Reflected("""{"b":2,"a":1}""")]));
    }

    [Fact]
    public void Build_ConditionsOnly_LeavesStatusesAndHasNoPrecondition()
    {
        var patch = WorkStatusPatch.Build([new Condition { Type = "Applied", Status = ConditionStatus.True, Reason = "AppliedSuccessful" }], null);

        var status = Assert.IsType<JsonObject>(patch["status"]);
        Assert.Equal("Applied", (string?)status["conditions"]![0]!["type"]);
        Assert.False(status.ContainsKey("manifestStatuses"));
        Assert.False(patch.ContainsKey("metadata"));
    }

    [Fact]
    public void Build_WithStatuses_CarriesThePrecondition()
    {
        var patch = WorkStatusPatch.Build(null, [Status(0, "web")], resourceVersion: "42");

        Assert.Equal("42", (string?)patch["metadata"]!["resourceVersion"]);
        Assert.False(patch["status"]!.AsObject().ContainsKey("conditions"));
        Assert.Equal("web", (string?)patch["status"]!["manifestStatuses"]![0]!["identifier"]!["name"]);
    }

    [Fact]
    public void Build_EmptyStatuses_ClearsTheList()
    {
        var patch = WorkStatusPatch.Build(null, []);

        Assert.Empty(Assert.IsType<JsonArray>(patch["status"]!["manifestStatuses"]));
    }

    private static WorkV1Alpha1.ManifestStatus Status(int ordinal, string name) => new()
    {
        Identifier = new WorkV1Alpha1.ResourceIdentifier { Ordinal = ordinal, Version = "v1", Kind = "ConfigMap", Resource = "configmaps", Namespace = "default", Name = name },
        Health = WorkV1Alpha1.ResourceHealth.Healthy,
    };
}
