using System.Text.Json.Nodes;
using Karmada.Member.Simulation;

namespace Karmada.Member.Tests;

/// <summary>What a simulated controller sends to <c>/status</c>: type, metadata and the new status only.</summary>
public sealed class StatusBodyTests
{
    [Fact]
    public void For_KeepsTypeAndMetadata_DropsSpecAndManagedFields_AndSharesNothingWithTheCachedObject()
    {
        var cached = JsonNode.Parse("""
            {
              "apiVersion": "apps/v1",
              "kind": "ReplicaSet",
              "metadata": {
                "name": "web-1", "namespace": "default", "uid": "u1", "resourceVersion": "42",
                "labels": {"app": "web"}, "annotations": {"a": "b"},
                "managedFields": [{"manager": "m", "operation": "Update", "apiVersion": "apps/v1", "fieldsType": "FieldsV1", "fieldsV1": {"f:spec": {}}}]
              },
              "spec": {"replicas": 1, "template": {"spec": {"containers": [{"name": "c", "image": "i"}]}}},
              "status": {"replicas": 0}
            }
            """)!.AsObject();
        var status = new JsonObject { ["replicas"] = 1 };

        var body = StatusBody.For(cached, status);

        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""
                {
                  "apiVersion": "apps/v1",
                  "kind": "ReplicaSet",
                  "metadata": {"name": "web-1", "namespace": "default", "uid": "u1", "resourceVersion": "42", "labels": {"app": "web"}, "annotations": {"a": "b"}},
                  "status": {"replicas": 1}
                }
                """),
            body));
        Assert.Same(status, body["status"]);

        // The cached object is shared by every controller: changing the body must leave it as it was.
        body["metadata"]!["annotations"]!["a"] = "changed";
        Assert.Equal("b", (string?)cached["metadata"]!["annotations"]!["a"]);
        Assert.Equal(0, (int?)cached["status"]!["replicas"]);
    }
}
