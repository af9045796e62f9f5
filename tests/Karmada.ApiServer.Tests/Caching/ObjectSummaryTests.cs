using Karmada.ApiServer.Caching;

namespace Karmada.ApiServer.Tests.Caching;

public sealed class ObjectSummaryTests
{
    [Fact]
    public void Read_Metadata_ExtractsSelectionFields()
    {
        var summary = ObjectSummary.Read("""
            {"apiVersion":"apps/v1","kind":"ReplicaSet","spec":{"metadata":{"name":"decoy"}},
             "metadata":{"name":"rs","namespace":"ns","uid":"u1","labels":{"a":"1","b":"2"},
               "finalizers":["x/y"],"deletionTimestamp":"2026-01-01T00:00:00Z",
               "ownerReferences":[{"apiVersion":"apps/v1","kind":"Deployment","name":"d","uid":"u0","controller":true,"blockOwnerDeletion":true}]}}
            """u8);
        Assert.Equal("rs", summary.Name);
        Assert.Equal("ns", summary.Namespace);
        Assert.Equal("u1", summary.Uid);
        Assert.Equal("2", summary.Labels!["b"]);
        Assert.True(summary.HasDeletionTimestamp);
        Assert.Equal(["x/y"], summary.Finalizers);
        var owner = Assert.Single(summary.OwnerReferences);
        Assert.Equal(new OwnerReference("apps/v1", "Deployment", "d", "u0", true, true), owner);
    }
}
