using System.Text.Json.Nodes;

namespace Karmada.Bench.Micro.ServerSideApply;

/// <summary>Objects shaped like what the control plane and members write: a Deployment and a Work, with status.</summary>
internal static class FieldManagerMicroObjects
{
    public static JsonObject Deployment() => JsonNode.Parse("""
        {
          "apiVersion": "apps/v1",
          "kind": "Deployment",
          "metadata": {
            "name": "web-0001",
            "namespace": "bench-1",
            "uid": "6f1c2d4e-0000-4000-8000-000000000001",
            "resourceVersion": "1234",
            "generation": 3,
            "creationTimestamp": "2026-11-28T10:00:00Z",
            "labels": { "app": "web-0001", "tier": "frontend", "propagationpolicy.karmada.io/name": "web" },
            "annotations": { "deployment.kubernetes.io/revision": "1", "policy.karmada.io/applied-placement": "{\"clusterAffinity\":{\"clusterNames\":[\"member1\",\"member2\"]}}" }
          },
          "spec": {
            "replicas": 3,
            "selector": { "matchLabels": { "app": "web-0001" } },
            "strategy": { "type": "RollingUpdate", "rollingUpdate": { "maxUnavailable": "25%", "maxSurge": "25%" } },
            "template": {
              "metadata": { "labels": { "app": "web-0001", "tier": "frontend" } },
              "spec": {
                "containers": [
                  {
                    "name": "nginx",
                    "image": "nginx:1.25",
                    "ports": [ { "containerPort": 80, "protocol": "TCP" }, { "containerPort": 443, "protocol": "TCP" } ],
                    "env": [ { "name": "MODE", "value": "prod" }, { "name": "LOG", "value": "info" } ],
                    "resources": { "requests": { "cpu": "250m", "memory": "512Mi" }, "limits": { "cpu": "1", "memory": "1Gi" } },
                    "volumeMounts": [ { "name": "config", "mountPath": "/etc/nginx" } ]
                  },
                  { "name": "sidecar", "image": "busybox:1.36", "args": [ "sleep", "infinity" ] }
                ],
                "volumes": [ { "name": "config", "configMap": { "name": "web-config" } } ],
                "tolerations": [ { "key": "dedicated", "operator": "Equal", "value": "web", "effect": "NoSchedule" } ],
                "restartPolicy": "Always",
                "dnsPolicy": "ClusterFirst"
              }
            }
          },
          "status": {
            "observedGeneration": 3,
            "replicas": 3,
            "readyReplicas": 2,
            "availableReplicas": 2,
            "updatedReplicas": 3,
            "conditions": [
              { "type": "Available", "status": "True", "reason": "MinimumReplicasAvailable", "lastTransitionTime": "2026-11-28T10:00:05Z", "lastUpdateTime": "2026-11-28T10:00:05Z" },
              { "type": "Progressing", "status": "True", "reason": "NewReplicaSetAvailable", "lastTransitionTime": "2026-11-28T10:00:01Z", "lastUpdateTime": "2026-11-28T10:00:05Z" }
            ]
          }
        }
        """)!.AsObject();

    public static JsonObject Work()
    {
        var work = JsonNode.Parse("""
            {
              "apiVersion": "work.karmada.io/v1alpha1",
              "kind": "Work",
              "metadata": {
                "name": "web-0001-7d9f8",
                "namespace": "karmada-es-member1",
                "uid": "6f1c2d4e-0000-4000-8000-000000000002",
                "resourceVersion": "2345",
                "generation": 2,
                "creationTimestamp": "2026-11-28T10:00:00Z",
                "labels": { "resourcebinding.karmada.io/permanent-id": "0b5d7f3c-1111-4000-8000-000000000003" },
                "finalizers": [ "karmada.io/execution-controller" ]
              },
              "spec": { "workload": { "manifests": [] } },
              "status": {
                "conditions": [ { "type": "Applied", "status": "True", "reason": "AppliedSuccessful", "lastTransitionTime": "2026-11-28T10:00:03Z", "message": "Manifest has been successfully applied" } ],
                "manifestStatuses": [ { "identifier": { "ordinal": 0, "group": "apps", "version": "v1", "kind": "Deployment", "namespace": "bench-1", "name": "web-0001" }, "status": { "replicas": 3, "readyReplicas": 2 }, "health": "Healthy" } ]
              }
            }
            """)!.AsObject();
        var manifest = Deployment();
        manifest.Remove("status");
        work["spec"]!["workload"]!["manifests"]!.AsArray().Add(manifest);
        return work;
    }
}
