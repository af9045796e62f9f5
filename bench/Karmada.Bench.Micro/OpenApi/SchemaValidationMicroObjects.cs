using System.Globalization;
using System.Text.Json.Nodes;

namespace Karmada.Bench.Micro.OpenApi;

/// <summary>
/// A ResourceBinding as the control plane stores it for one Deployment propagated to many members: a target cluster
/// and an aggregated status item per member, and the managed fields of the scheduler, the binding controller and the
/// status aggregation.
/// </summary>
internal static class SchemaValidationMicroObjects
{
    /// <summary>The binding's JSON; the API server parses objects from bytes, so the benchmark does too.</summary>
    public static string ResourceBinding(int members)
    {
        var binding = JsonNode.Parse(Template)!.AsObject();
        var clusters = binding["spec"]!["clusters"]!.AsArray();
        var aggregated = binding["status"]!["aggregatedStatus"]!.AsArray();
        for (var i = 0; i < members; i++)
        {
            var name = MemberName(i);
            clusters.Add(new JsonObject { ["name"] = name, ["replicas"] = 1 });
            aggregated.Add(new JsonObject
            {
                ["clusterName"] = name,
                ["status"] = new JsonObject
                {
                    ["replicas"] = 1,
                    ["readyReplicas"] = 1,
                    ["availableReplicas"] = 1,
                    ["updatedReplicas"] = 1,
                    ["observedGeneration"] = 2,
                    ["resourceTemplateGeneration"] = 1,
                },
                ["applied"] = true,
                ["health"] = "Healthy",
            });
        }

        return binding.ToJsonString();
    }

    public static string MemberName(int index) => "member-" + index.ToString("D4", CultureInfo.InvariantCulture);

    private const string Template = """
        {
          "apiVersion": "work.karmada.io/v1alpha2",
          "kind": "ResourceBinding",
          "metadata": {
            "name": "web-0001-deployment",
            "namespace": "bench-1",
            "uid": "2c8e0a7d-0c1b-4d84-9a63-0a6f1fb0e4f5",
            "resourceVersion": "9001",
            "generation": 2,
            "creationTimestamp": "2026-11-28T10:00:00Z",
            "labels": {
              "propagationpolicy.karmada.io/permanent-id": "5d5c3c0e-6a7b-4f1c-8e2d-9a0b1c2d3e4f",
              "resourcebinding.karmada.io/permanent-id": "4b3a2c1d-0e9f-48a7-b6c5-d4e3f2a1b0c9"
            },
            "annotations": {
              "policy.karmada.io/applied-placement": "{\"clusterAffinity\":{\"labelSelector\":{\"matchLabels\":{\"fanout\":\"all\"}}}}",
              "propagationpolicy.karmada.io/name": "web",
              "propagationpolicy.karmada.io/namespace": "bench-1"
            },
            "ownerReferences": [
              { "apiVersion": "apps/v1", "kind": "Deployment", "name": "web-0001", "uid": "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a", "controller": true, "blockOwnerDeletion": true }
            ],
            "finalizers": [ "karmada.io/binding-controller" ],
            "managedFields": [
              { "manager": "karmada-controller-manager", "operation": "Update", "apiVersion": "work.karmada.io/v1alpha2", "time": "2026-11-28T10:00:00Z", "fieldsType": "FieldsV1", "fieldsV1": { "f:metadata": { "f:finalizers": { ".": {}, "v:\"karmada.io/binding-controller\"": {} }, "f:labels": { ".": {}, "f:propagationpolicy.karmada.io/permanent-id": {} } }, "f:spec": { ".": {}, "f:placement": {}, "f:replicas": {}, "f:resource": {} } } },
              { "manager": "karmada-scheduler", "operation": "Update", "apiVersion": "work.karmada.io/v1alpha2", "time": "2026-11-28T10:00:01Z", "fieldsType": "FieldsV1", "fieldsV1": { "f:spec": { "f:clusters": {} } } },
              { "manager": "karmada-controller-manager", "operation": "Update", "apiVersion": "work.karmada.io/v1alpha2", "time": "2026-11-28T10:00:05Z", "fieldsType": "FieldsV1", "fieldsV1": { "f:status": { ".": {}, "f:aggregatedStatus": {}, "f:conditions": {}, "f:schedulerObservedGeneration": {} } }, "subresource": "status" }
            ]
          },
          "spec": {
            "resource": { "apiVersion": "apps/v1", "kind": "Deployment", "namespace": "bench-1", "name": "web-0001", "uid": "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a", "resourceVersion": "8842" },
            "replicaRequirements": { "resourceRequest": { "cpu": "250m", "memory": "512Mi" }, "namespace": "bench-1" },
            "replicas": 1,
            "clusters": [],
            "placement": {
              "clusterAffinity": { "labelSelector": { "matchLabels": { "fanout": "all" } } },
              "replicaScheduling": { "replicaSchedulingType": "Duplicated" }
            },
            "schedulerName": "default-scheduler",
            "conflictResolution": "Abort"
          },
          "status": {
            "schedulerObservedGeneration": 2,
            "lastScheduledTime": "2026-11-28T10:00:01Z",
            "conditions": [
              { "type": "Scheduled", "status": "True", "observedGeneration": 2, "lastTransitionTime": "2026-11-28T10:00:01Z", "reason": "Success", "message": "Binding has been scheduled successfully." },
              { "type": "FullyApplied", "status": "True", "lastTransitionTime": "2026-11-28T10:00:05Z", "reason": "FullyAppliedSuccess", "message": "All works have been successfully applied" }
            ],
            "aggregatedStatus": []
          }
        }
        """;
}
