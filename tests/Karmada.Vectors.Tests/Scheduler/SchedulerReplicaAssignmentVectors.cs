using System.Text.Json.Nodes;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Scheduler;
using Karmada.Scheduler.Apportionment;
using Karmada.Scheduler.Assignment;
using static Karmada.Vectors.Tests.Scheduler.SchedulerVectorJson;

namespace Karmada.Vectors.Tests.Scheduler;

/// <summary>Handlers for <c>replica_assignment.json</c>: division strategies, Webster and the dispenser.</summary>
internal static class SchedulerReplicaAssignmentVectors
{
    [VectorFunction("AssignReplicas")]
    internal static void AssignReplicas(JsonObject input, JsonObject expected)
    {
        var gates = input["featureGates"];
        var multiTemplate = (bool?)gates?["MultiplePodTemplatesScheduling"] ?? false;
        var result = ReplicaAssigner.AssignReplicas(
            DetailInfos(input["clusters"]), Read<ResourceBindingSpec>(input["spec"]), Read<ResourceBindingStatus>(input["status"]), multiTemplate);
        AssertOutcome(expected, result, targets => AssertTargets(expected, targets));
    }

    [VectorFunction("assignByStaticWeightStrategy")]
    internal static void AssignByStaticWeightStrategy(JsonObject input, JsonObject expected) =>
        AssertTargets(expected, ReplicaAssigner.AssignByStaticWeightStrategy(State(input)));

    [VectorFunction("assignByDynamicStrategy")]
    internal static void AssignByDynamicStrategy(JsonObject input, JsonObject expected) =>
        AssertOutcome(expected, ReplicaAssigner.AssignByDynamicStrategy(State(input)), targets => AssertTargets(expected, targets));

    [VectorFunction("dynamicScaleUp")]
    internal static void DynamicScaleUp(JsonObject input, JsonObject expected)
    {
        var state = State(input);
        state.BuildScheduledClusters();
        AssertOutcome(expected, ReplicaAssigner.DynamicScaleUp(state), targets => AssertTargets(expected, targets));
    }

    [VectorFunction("assignByDuplicatedStrategy")]
    internal static void AssignByDuplicatedStrategy(JsonObject input, JsonObject expected) =>
        AssertTargets(expected, ReplicaAssigner.AssignByDuplicatedStrategy(State(input)));

    [VectorFunction("dynamicDivideReplicas")]
    internal static void DynamicDivideReplicas(JsonObject input, JsonObject expected)
    {
        var fields = input["state"]!.AsObject();
        var state = new AssignState([], new ResourceBindingSpec(), null, 0, [])
        {
            StrategyType = Enum.Parse<AssignmentStrategy>(Str(fields["strategyType"])),
            AvailableClusters = Replicas(fields["availableClusters"]),
            AvailableReplicas = Long(fields["availableReplicas"]),
            ScheduledClusters = Replicas(fields["scheduledClusters"]),
            TargetReplicas = Int(fields["targetReplicas"]),
            TieBreaker = BindingTieBreaker.FromUid((string?)fields["uid"]),
        };
        AssertOutcome(expected, ReplicaAssigner.DynamicDivideReplicas(state), targets => AssertTargets(expected, targets));
    }

    [VectorFunction("Dispenser.AllocateByWeight")]
    internal static void DispenserAllocateByWeight(JsonObject input, JsonObject expected)
    {
        var dispenser = new ReplicaDispenser(Int(input["numReplicas"]), Replicas(input["initialAssignment"]), BindingTieBreaker.FromUid((string?)input["uid"]));
        dispenser.TakeByWeight([.. Items(input["weightList"]).Select(w => new ClusterWeight(Str(w["clusterName"]), Long(w["weight"])))]);
        AssertTargets(expected, dispenser.Result);
    }

    [VectorFunction("SpreadReplicasByTargetClusters")]
    internal static void SpreadReplicasByTargetClusters(JsonObject input, JsonObject expected) =>
        AssertTargets(expected, ReplicaDispenser.SpreadReplicasByTargetClusters(
            Int(input["numReplicas"]), Replicas(input["weights"]), Replicas(input["init"]), BindingTieBreaker.FromUid((string?)input["uid"])));

    [VectorFunction("AllocateWebsterSeats")]
    internal static void AllocateWebsterSeats(JsonObject input, JsonObject expected)
    {
        var votes = input["partyVotes"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<long>());
        var initial = input["initialAssignments"]?.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<int>());
        WebsterTieBreaker? tieBreaker = Str(input["tieBreaker"]) switch
        {
            "customNameLess" => static (a, b) => string.CompareOrdinal(a.Name, b.Name) < 0,
            "customNameGreater" => static (a, b) => string.CompareOrdinal(a.Name, b.Name) > 0,
            "default" => null,
            var other => throw new InvalidOperationException($"unknown tie-breaker {other}"),
        };
        var parties = WebsterMethod.AllocateSeats(Int(input["newSeats"]), votes, initial, tieBreaker);
        var want = Items(expected["parties"]).Select(p => new WebsterParty(Str(p["name"]), Long(p["votes"]), Int(p["seats"]))).ToList();
        Assert.Equal(want, parties);
    }

    private static AssignState State(JsonObject input)
    {
        var spec = Read<ResourceBindingSpec>(input["spec"]);
        return new AssignState(DetailInfos(input["clusters"]), spec, ReadOrNull<ResourceBindingStatus>(input["status"]), spec.Replicas, spec.Clusters);
    }

    private static void AssertOutcome<T>(JsonObject expected, Outcome<T> outcome, Action<T> assertValue)
    {
        if ((bool?)expected["error"] == true)
        {
            Assert.False(outcome.IsSuccess, "expected a failure");
            if ((string?)expected["errorContains"] is { } text)
            {
                Assert.Contains(text, outcome.Failure!.Message, StringComparison.Ordinal);
            }

            return;
        }

        Assert.True(outcome.IsSuccess, outcome.Failure?.Message);
        assertValue(outcome.Value!);
    }
}
