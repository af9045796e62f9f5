using Karmada.Api.Meta;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Client;

namespace Karmada.Scheduler.Service.Tests;

public sealed class BindingWriterDecisionPatchTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void NewClustersAreObservedAtTheGenerationTheWriteLeaves()
    {
        var binding = Binding(generation: 4, clusters: [new TargetCluster { Name = "member1", Replicas = 1 }]);
        var scheduled = new Condition { Type = BindingConditionTypes.Scheduled, Status = ConditionStatus.True, Reason = "Success" };

        var patch = BindingWriter.DecisionPatch(
            binding,
            new SpecChange([new TargetCluster { Name = "member1", Replicas = 2 }], "{}"),
            new StatusChange(scheduled, true, Now, "primary"));

        Assert.Equal("7", (string?)patch["metadata"]!["resourceVersion"]);
        Assert.Equal("""[{"name":"member1","replicas":2}]""", patch["spec"]!["clusters"]!.ToJsonString());
        Assert.Equal(5, (long?)patch["status"]!["schedulerObservedGeneration"]);
        Assert.Equal("primary", (string?)patch["status"]!["schedulerObservingAffinityName"]);
        Assert.Equal("Scheduled", (string?)patch["status"]!["conditions"]![0]!["type"]);
    }

    [Fact]
    public void AnAnnotationOnlyChangeKeepsTheGeneration()
    {
        var binding = Binding(generation: 4, clusters: [new TargetCluster { Name = "member1", Replicas = 1 }]);

        var patch = BindingWriter.DecisionPatch(
            binding,
            new SpecChange([new TargetCluster { Name = "member1", Replicas = 1 }], "{\"new\":true}"),
            new StatusChange(null, true, null, null));

        Assert.Equal(4, (long?)patch["status"]!["schedulerObservedGeneration"]);
    }

    [Fact]
    public void AFailureThatClearsTheClustersWritesNoObservedGeneration()
    {
        var binding = Binding(generation: 4, clusters: [new TargetCluster { Name = "member1", Replicas = 1 }]);
        var failed = new Condition { Type = BindingConditionTypes.Scheduled, Status = ConditionStatus.False, Reason = "NoClusterFit" };

        var patch = BindingWriter.DecisionPatch(binding, new SpecChange([], "{}"), new StatusChange(failed, false, null, null));

        Assert.Null(patch["spec"]!["clusters"]);
        Assert.False(patch["status"]!.AsObject().ContainsKey("schedulerObservedGeneration"));
    }

    [Fact]
    public void ASpecChangeWithoutStatusHasNoStatusInThePatch()
    {
        var patch = BindingWriter.DecisionPatch(Binding(1, []), new SpecChange([], "{}"), null);

        Assert.False(patch.ContainsKey("status"));
    }

    [Fact]
    public void OnlyA404ThatNamesNoObjectMeansTheSubresourceIsMissing()
    {
        var missingUrl = new ApiException(new ApiStatus { Code = 404, Reason = "NotFound", Message = "the server could not find the requested resource", Details = new ApiStatusDetails() });
        var missingBinding = new ApiException(new ApiStatus { Code = 404, Reason = "NotFound", Details = new ApiStatusDetails { Name = "web" } });
        var conflict = new ApiException(new ApiStatus { Code = 409, Reason = "Conflict" });

        Assert.True(BindingWriter.IsMissingSubresource(missingUrl));
        Assert.False(BindingWriter.IsMissingSubresource(missingBinding));
        Assert.False(BindingWriter.IsMissingSubresource(conflict));
    }

    private static SchedulableBinding Binding(long generation, List<TargetCluster> clusters) => new(
        ResourceBinding.KubeKind,
        new ObjectMeta { Name = "web", Namespace = "default", Generation = generation, ResourceVersion = "7" },
        new ResourceBindingSpec { Replicas = 2, Clusters = clusters },
        new ResourceBindingStatus());
}
