namespace Karmada.Bench.Micro.Interpreter;

/// <summary>
/// A Deployment as a member cluster's informer holds it after Karmada applied it (the Work's labels and annotations,
/// managed fields of the execution controller and the member's deployment controller, a rolled-out status).
/// </summary>
internal static class InterpreterMicroObjects
{
    public const string Deployment = """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web-0001","namespace":"bench","uid":"5d0c6a1e-0000-4000-8000-000000000001","resourceVersion":"4711","generation":2,"creationTimestamp":"2026-11-28T10:00:00Z",
         "labels":{"app":"web-0001","propagationpolicy.karmada.io/permanent-id":"9a1f6c2e-0000-4000-8000-000000000002","resourcebinding.karmada.io/permanent-id":"9a1f6c2e-0000-4000-8000-000000000003","work.karmada.io/permanent-id":"9a1f6c2e-0000-4000-8000-000000000004"},
         "annotations":{"deployment.kubernetes.io/revision":"1","propagationpolicy.karmada.io/name":"web","propagationpolicy.karmada.io/namespace":"bench","resourcebinding.karmada.io/name":"web-0001-deployment","resourcebinding.karmada.io/namespace":"bench","resourcetemplate.karmada.io/generation":"1","resourcetemplate.karmada.io/uid":"5d0c6a1e-0000-4000-8000-000000000005","work.karmada.io/conflict-resolution":"abort","work.karmada.io/name":"web-0001-5d9c7b6f8d","work.karmada.io/namespace":"karmada-es-member1"},
         "managedFields":[{"manager":"karmada-controller-manager","operation":"Update","apiVersion":"apps/v1","time":"2026-11-28T10:00:00Z","fieldsType":"FieldsV1","fieldsV1":{"f:metadata":{"f:annotations":{".":{},"f:propagationpolicy.karmada.io/name":{},"f:resourcetemplate.karmada.io/generation":{}},"f:labels":{".":{},"f:app":{}}},"f:spec":{"f:replicas":{},"f:selector":{},"f:template":{"f:metadata":{"f:labels":{".":{},"f:app":{}}},"f:spec":{"f:containers":{"k:{\"name\":\"nginx\"}":{".":{},"f:image":{},"f:name":{},"f:resources":{".":{},"f:requests":{".":{},"f:cpu":{},"f:memory":{}}}}}}}}}},
                          {"manager":"kube-controller-manager","operation":"Update","apiVersion":"apps/v1","time":"2026-11-28T10:00:05Z","fieldsType":"FieldsV1","fieldsV1":{"f:metadata":{"f:annotations":{"f:deployment.kubernetes.io/revision":{}}},"f:status":{"f:availableReplicas":{},"f:conditions":{".":{},"k:{\"type\":\"Available\"}":{".":{},"f:lastTransitionTime":{},"f:lastUpdateTime":{},"f:message":{},"f:reason":{},"f:status":{},"f:type":{}},"k:{\"type\":\"Progressing\"}":{".":{},"f:lastTransitionTime":{},"f:lastUpdateTime":{},"f:message":{},"f:reason":{},"f:status":{},"f:type":{}}},"f:observedGeneration":{},"f:readyReplicas":{},"f:replicas":{},"f:updatedReplicas":{}}},"subresource":"status"}]},
         "spec":{"replicas":3,"selector":{"matchLabels":{"app":"web-0001"}},"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":"25%","maxSurge":"25%"}},"revisionHistoryLimit":10,"progressDeadlineSeconds":600,
          "template":{"metadata":{"labels":{"app":"web-0001"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25","resources":{"requests":{"cpu":"250m","memory":"512Mi"}},"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","imagePullPolicy":"IfNotPresent"}],"restartPolicy":"Always","terminationGracePeriodSeconds":30,"dnsPolicy":"ClusterFirst","schedulerName":"default-scheduler"}}},
         "status":{"observedGeneration":2,"replicas":3,"updatedReplicas":3,"readyReplicas":3,"availableReplicas":3,
          "conditions":[{"type":"Available","status":"True","lastUpdateTime":"2026-11-28T10:00:05Z","lastTransitionTime":"2026-11-28T10:00:05Z","reason":"MinimumReplicasAvailable","message":"Deployment has minimum availability."},
                        {"type":"Progressing","status":"True","lastUpdateTime":"2026-11-28T10:00:05Z","lastTransitionTime":"2026-11-28T10:00:00Z","reason":"NewReplicaSetAvailable","message":"ReplicaSet \"web-0001-7d9f8c6b5d\" has successfully progressed."}]}}
        """;
}
