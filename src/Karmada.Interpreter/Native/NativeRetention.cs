using System.Text.Json.Nodes;
using Karmada.Api.WellKnown;
using Karmada.Interpreter.Json;

namespace Karmada.Interpreter.Native;

/// <summary>
/// Built-in Retain (upstream <c>retain.go</c> and <c>lifted/retain.go</c>): keeps in the desired object the values that
/// member-cluster controllers own, so Karmada's update does not fight them.
/// </summary>
internal static class NativeRetention
{
    private const string ServiceAccountUidAnnotation = "kubernetes.io/service-account.uid";

    public static readonly IReadOnlyDictionary<GroupVersionKind, Func<JsonObject, JsonObject, JsonObject>> Handlers = new Dictionary<GroupVersionKind, Func<JsonObject, JsonObject, JsonObject>>
    {
        [NativeKinds.Deployment] = RetainWorkloadReplicas,
        [NativeKinds.Pod] = RetainPod,
        [NativeKinds.Service] = RetainService,
        [NativeKinds.ServiceAccount] = RetainServiceAccount,
        [NativeKinds.PersistentVolumeClaim] = RetainPersistentVolumeClaim,
        [NativeKinds.PersistentVolume] = RetainPersistentVolume,
        [NativeKinds.Job] = RetainJobSelector,
        [NativeKinds.Secret] = RetainServiceAccountTokenSecret,
    };

    // With resourcetemplate.karmada.io/retain-replicas=true the member's replicas (e.g. managed by an HPA there) win.
    private static JsonObject RetainWorkloadReplicas(JsonObject desired, JsonObject observed)
    {
        var labels = Unstructured.GetStringMap(desired, "metadata", "labels");
        if (labels is not null && labels.TryGetValue(WellKnownLabels.RetainReplicas, out var value) && value == "true")
        {
            var replicas = Unstructured.GetInt(observed, "spec", "replicas")
                ?? throw new InterpreterException("failed to retrieve replicas from the observed object");
            Unstructured.Set(desired, Unstructured.Int(replicas), "spec", "replicas");
        }

        return desired;
    }

    private static JsonObject RetainPod(JsonObject desired, JsonObject observed)
    {
        var desiredSpec = Unstructured.GetObject(desired, "spec") ?? [];
        var observedSpec = Unstructured.GetObject(observed, "spec");
        CopyOrRemove(observedSpec, desiredSpec, "nodeName");
        CopyOrRemove(observedSpec, desiredSpec, "serviceAccountName");
        CopyOrRemove(observedSpec, desiredSpec, "volumes");
        foreach (var list in new[] { "containers", "initContainers" })
        {
            var desiredContainers = (Unstructured.GetArray(desiredSpec, list) ?? []).OfType<JsonObject>().ToList();
            foreach (var observedContainer in (Unstructured.GetArray(observedSpec, list) ?? []).OfType<JsonObject>())
            {
                var name = Unstructured.GetString(observedContainer, "name") ?? "";
                var match = desiredContainers.FirstOrDefault(c => (Unstructured.GetString(c, "name") ?? "") == name);
                if (match is not null)
                {
                    CopyOrRemove(observedContainer, match, "volumeMounts");
                }
            }
        }

        desired["spec"] = desiredSpec;
        return desired;
    }

    private static JsonObject RetainService(JsonObject desired, JsonObject observed)
    {
        if (Unstructured.GetInt(observed, "spec", "healthCheckNodePort") is > 0 and var port)
        {
            Unstructured.Set(desired, Unstructured.Int(port), "spec", "healthCheckNodePort");
        }

        if (Unstructured.GetString(observed, "spec", "clusterIP") is { Length: > 0 } clusterIp)
        {
            Unstructured.Set(desired, clusterIp, "spec", "clusterIP");
        }

        if (Unstructured.GetArray(observed, "spec", "clusterIPs") is { Count: > 0 } clusterIps)
        {
            Unstructured.Set(desired, clusterIps.DeepClone(), "spec", "clusterIPs");
        }

        return desired;
    }

    // The member's token controller adds secrets; merge them by name so Karmada does not keep removing them.
    private static JsonObject RetainServiceAccount(JsonObject desired, JsonObject observed)
    {
        desired["secrets"] = MergeByName(Unstructured.GetArray(desired, "secrets"), Unstructured.GetArray(observed, "secrets"));
        var pullSecrets = MergeByName(Unstructured.GetArray(desired, "imagePullSecrets"), Unstructured.GetArray(observed, "imagePullSecrets"));
        if (pullSecrets is not null)
        {
            desired["imagePullSecrets"] = pullSecrets;
        }

        return desired;
    }

    private static JsonObject RetainPersistentVolumeClaim(JsonObject desired, JsonObject observed)
    {
        if (Unstructured.GetString(observed, "spec", "volumeName") is { Length: > 0 } volumeName)
        {
            Unstructured.Set(desired, volumeName, "spec", "volumeName");
        }

        return desired;
    }

    private static JsonObject RetainPersistentVolume(JsonObject desired, JsonObject observed)
    {
        if (Unstructured.Get(observed, "spec", "claimRef") is { } claimRef)
        {
            Unstructured.Set(desired, claimRef.DeepClone(), "spec", "claimRef");
        }

        return desired;
    }

    // The member's job controller generates the selector and template labels.
    private static JsonObject RetainJobSelector(JsonObject desired, JsonObject observed)
    {
        if (Unstructured.GetStringMap(observed, "spec", "selector", "matchLabels") is { } matchLabels)
        {
            Unstructured.Set(desired, ToJson(matchLabels), "spec", "selector", "matchLabels");
        }

        if (Unstructured.GetStringMap(observed, "spec", "template", "metadata", "labels") is { } templateLabels)
        {
            Unstructured.Set(desired, ToJson(templateLabels), "spec", "template", "metadata", "labels");
        }

        return desired;
    }

    private static JsonObject RetainServiceAccountTokenSecret(JsonObject desired, JsonObject observed)
    {
        if (Unstructured.GetString(desired, "type") != "kubernetes.io/service-account-token")
        {
            return desired;
        }

        if (Unstructured.GetObject(observed, "data") is { } data)
        {
            desired["data"] = data.DeepClone();
        }

        if (Unstructured.GetString(observed, "metadata", "annotations", ServiceAccountUidAnnotation) is { } uid)
        {
            Unstructured.Set(desired, uid, "metadata", "annotations", ServiceAccountUidAnnotation);
        }

        return desired;
    }

    private static JsonArray? MergeByName(JsonArray? desired, JsonArray? observed)
    {
        var merged = new JsonArray();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in (desired ?? []).Concat(observed ?? []))
        {
            var name = item is JsonObject entry ? Unstructured.GetString(entry, "name") ?? "" : "";
            if (names.Add(name))
            {
                merged.Add(item?.DeepClone());
            }
        }

        // Upstream writes the merged list even when it is empty (a nil slice, JSON null).
        return merged.Count == 0 ? null : merged;
    }

    private static void CopyOrRemove(JsonObject? from, JsonObject to, string field)
    {
        if (from?[field] is { } value)
        {
            to[field] = value.DeepClone();
        }
        else
        {
            to.Remove(field);
        }
    }

    private static JsonObject ToJson(Dictionary<string, string> map)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in map)
        {
            obj[key] = value;
        }

        return obj;
    }
}
