using System.Text.Json.Nodes;
using Karmada.ApiServer.Http;
using Karmada.ApiServer.Registry;
using Karmada.ApiServer.Resources;

namespace Karmada.ApiServer.Tests.Registry;

public sealed class SchedulingSubresourceTests
{
    private static readonly ResourceDefinition Bindings = new()
    {
        Group = "work.karmada.io",
        Version = "v1alpha2",
        Kind = "ResourceBinding",
        Plural = "resourcebindings",
        Namespaced = true,
        HasStatus = true,
    };

    [Theory]
    [InlineData("work.karmada.io", "resourcebindings", true)]
    [InlineData("work.karmada.io", "clusterresourcebindings", true)]
    [InlineData("work.karmada.io", "works", false)]
    [InlineData("apps", "deployments", false)]
    public void IsServedByBothBindingKindsOnly(string group, string plural, bool served)
    {
        var resource = new ResourceDefinition { Group = group, Version = "v1", Kind = "K", Plural = plural, Namespaced = true };

        Assert.Equal(served, SchedulingSubresource.IsServedBy(resource));
    }

    [Fact]
    public void TakesTheSchedulerFieldsAndNothingElse()
    {
        var old = Stored();
        var desired = Stored();
        desired["spec"]!["clusters"] = new JsonArray(new JsonObject { ["name"] = "member2", ["replicas"] = 3 });
        desired["spec"]!["replicas"] = 99;
        desired["metadata"]!["annotations"] = new JsonObject { ["policy.karmada.io/applied-placement"] = "{\"new\":1}", ["other"] = "dropped" };
        desired["metadata"]!["labels"] = new JsonObject { ["sneaky"] = "yes" };
        desired["status"] = new JsonObject
        {
            ["schedulerObservedGeneration"] = 3,
            ["lastScheduledTime"] = "2026-11-28T15:00:00Z",
            ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Scheduled", ["status"] = "True", ["reason"] = "Success" }),
            ["aggregatedStatus"] = new JsonArray(),
        };

        var updated = SchedulingSubresource.Merge(Bindings, old, desired);

        Assert.Equal("""[{"name":"member2","replicas":3}]""", updated["spec"]!["clusters"]!.ToJsonString());
        Assert.Equal("3", updated["spec"]!["replicas"]!.ToJsonString());
        Assert.Equal("{\"new\":1}", (string?)updated["metadata"]!["annotations"]!["policy.karmada.io/applied-placement"]);
        Assert.Equal("kept", (string?)updated["metadata"]!["annotations"]!["other"]);
        Assert.Null(updated["metadata"]!["labels"]);
        Assert.Equal("3", updated["status"]!["schedulerObservedGeneration"]!.ToJsonString());
        Assert.Equal("2026-11-28T15:00:00Z", (string?)updated["status"]!["lastScheduledTime"]);
        var conditions = updated["status"]!["conditions"]!.AsArray();
        Assert.Equal(["Scheduled", "FullyApplied"], conditions.Select(c => (string?)c!["type"]));
        Assert.Equal("True", (string?)conditions[0]!["status"]);
        Assert.Equal("""[{"clusterName":"member1"}]""", updated["status"]!["aggregatedStatus"]!.ToJsonString());
    }

    [Fact]
    public void ClustersLeftOutOfTheRequestAreRemoved()
    {
        var desired = Stored();
        ((JsonObject)desired["spec"]!).Remove("clusters");

        var updated = SchedulingSubresource.Merge(Bindings, Stored(), desired);

        Assert.False(updated["spec"]!.AsObject().ContainsKey("clusters"));
    }

    [Fact]
    public void AnObservedGenerationAheadOfTheWriteIsInvalid()
    {
        var unchangedClusters = Stored();
        unchangedClusters["status"]!["schedulerObservedGeneration"] = 3;

        var error = Assert.Throws<ApiException>(() => SchedulingSubresource.Merge(Bindings, Stored(), unchangedClusters));

        Assert.Equal(422, error.Status.Code);
        Assert.Contains("status.schedulerObservedGeneration", error.Status.Message, StringComparison.Ordinal);
        Assert.Contains("metadata.generation (2)", error.Status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateOrNamelessClustersAndNegativeReplicasAreInvalid()
    {
        var desired = Stored();
        desired["spec"]!["clusters"] = new JsonArray(
            new JsonObject { ["name"] = "member1", ["replicas"] = 1 },
            new JsonObject { ["name"] = "member1", ["replicas"] = -1 },
            new JsonObject { ["replicas"] = 1 });

        var error = Assert.Throws<ApiException>(() => SchedulingSubresource.Merge(Bindings, Stored(), desired));

        Assert.Equal(422, error.Status.Code);
        Assert.Equal(
            ["spec.clusters[1].name", "spec.clusters[1].replicas", "spec.clusters[2].name"],
            error.Status.Causes.Select(c => c.Field));
    }

    private static JsonObject Stored() => new()
    {
        ["apiVersion"] = "work.karmada.io/v1alpha2",
        ["kind"] = "ResourceBinding",
        ["metadata"] = new JsonObject
        {
            ["name"] = "web",
            ["namespace"] = "default",
            ["generation"] = 2,
            ["annotations"] = new JsonObject { ["policy.karmada.io/applied-placement"] = "{}", ["other"] = "kept" },
        },
        ["spec"] = new JsonObject
        {
            ["replicas"] = 3,
            ["clusters"] = new JsonArray(new JsonObject { ["name"] = "member1", ["replicas"] = 3 }),
        },
        ["status"] = new JsonObject
        {
            ["schedulerObservedGeneration"] = 2,
            ["conditions"] = new JsonArray(
                new JsonObject { ["type"] = "Scheduled", ["status"] = "False", ["reason"] = "NoClusterFit" },
                new JsonObject { ["type"] = "FullyApplied", ["status"] = "True" }),
            ["aggregatedStatus"] = new JsonArray(new JsonObject { ["clusterName"] = "member1" }),
        },
    };
}
