using System.Globalization;
using System.Text;

namespace Karmada.Bench.Micro.Client;

/// <summary>A Pod as a member's API server sends it on a watch: owner, labels, managed fields, spec and status.</summary>
internal static class ClientMicroObjects
{
    public static string Pod(int index, string resourceVersion, string phase) => Template
        .Replace("@INDEX5@", index.ToString("D5", CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("@NS@", (index % 4).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("@INDEX12@", index.ToString("D12", CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("@RV@", resourceVersion, StringComparison.Ordinal)
        .Replace("@OWNER12@", (index / 2).ToString("D12", CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("@PHASE@", phase, StringComparison.Ordinal)
        .Replace("@IP@", (index % 250).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private const string Template = """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"web-0001-7d9f8c6b5d-@INDEX5@","generateName":"web-0001-7d9f8c6b5d-","namespace":"bench-@NS@","uid":"6f1c2d4e-0000-4000-8000-@INDEX12@","resourceVersion":"@RV@","creationTimestamp":"2026-11-28T10:00:00Z","labels":{"app":"web-0001","pod-template-hash":"7d9f8c6b5d"},"ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"web-0001-7d9f8c6b5d","uid":"0a1b2c3d-0000-4000-8000-@OWNER12@","controller":true,"blockOwnerDeletion":true}],"managedFields":[{"manager":"replicaset-controller","operation":"Update","apiVersion":"v1","time":"2026-11-28T10:00:00Z","fieldsType":"FieldsV1","fieldsV1":{"f:metadata":{"f:generateName":{},"f:labels":{".":{},"f:app":{},"f:pod-template-hash":{}},"f:ownerReferences":{".":{},"k:{\"uid\":\"0a1b2c3d\"}":{}}},"f:spec":{"f:containers":{"k:{\"name\":\"nginx\"}":{".":{},"f:image":{},"f:name":{},"f:ports":{".":{},"k:{\"containerPort\":80,\"protocol\":\"TCP\"}":{".":{},"f:containerPort":{},"f:protocol":{}}},"f:resources":{".":{},"f:requests":{".":{},"f:cpu":{},"f:memory":{}}}}},"f:restartPolicy":{},"f:schedulerName":{}}}},{"manager":"kubelet","operation":"Update","apiVersion":"v1","time":"2026-11-28T10:00:02Z","fieldsType":"FieldsV1","fieldsV1":{"f:status":{"f:conditions":{"k:{\"type\":\"Ready\"}":{".":{},"f:lastTransitionTime":{},"f:status":{},"f:type":{}}},"f:phase":{},"f:podIP":{},"f:startTime":{}}},"subresource":"status"}]},"spec":{"nodeName":"member1-node-3","schedulerName":"default-scheduler","restartPolicy":"Always","containers":[{"name":"nginx","image":"nginx:1.25","ports":[{"containerPort":80,"protocol":"TCP"}],"resources":{"requests":{"cpu":"250m","memory":"512Mi"}}}],"tolerations":[{"key":"node.kubernetes.io/not-ready","operator":"Exists","effect":"NoExecute","tolerationSeconds":300}]},"status":{"phase":"@PHASE@","podIP":"10.0.3.@IP@","startTime":"2026-11-28T10:00:01Z","conditions":[{"type":"PodScheduled","status":"True","lastTransitionTime":"2026-11-28T10:00:00Z"},{"type":"Ready","status":"True","lastTransitionTime":"2026-11-28T10:00:02Z"}]}}
        """;

    public static byte[] WatchLine(string type, string objectJson) => Encoding.UTF8.GetBytes("{\"type\":\"" + type + "\",\"object\":" + objectJson + "}");
}
