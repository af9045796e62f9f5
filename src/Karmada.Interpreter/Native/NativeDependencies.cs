using System.Text.Json.Nodes;
using Karmada.Api.Meta;
using Karmada.Interpreter.Json;

namespace Karmada.Interpreter.Native;

/// <summary>
/// Built-in InterpretDependency (upstream <c>dependencies.go</c>, <c>helper/pod.go</c>): the ConfigMaps, Secrets,
/// ServiceAccount (other than <c>default</c>) and PersistentVolumeClaims a pod template uses; an Ingress's TLS
/// secrets; a ServiceImport's derived Service and EndpointSlices. Names of one kind come sorted.
/// </summary>
internal static class NativeDependencies
{
    public static readonly IReadOnlyDictionary<GroupVersionKind, Func<JsonObject, IReadOnlyList<DependentObjectReference>>> Handlers =
        new Dictionary<GroupVersionKind, Func<JsonObject, IReadOnlyList<DependentObjectReference>>>
        {
            [NativeKinds.Deployment] = obj => FromPodSpec(Unstructured.GetObject(obj, "spec", "template", "spec"), Unstructured.Namespace(obj)),
            [NativeKinds.ReplicaSet] = obj => FromPodSpec(Unstructured.GetObject(obj, "spec", "template", "spec"), Unstructured.Namespace(obj)),
            [NativeKinds.StatefulSet] = obj => FromPodSpec(Unstructured.GetObject(obj, "spec", "template", "spec"), Unstructured.Namespace(obj)),
            [NativeKinds.DaemonSet] = obj => FromPodSpec(Unstructured.GetObject(obj, "spec", "template", "spec"), Unstructured.Namespace(obj)),
            [NativeKinds.Job] = obj => FromPodSpec(Unstructured.GetObject(obj, "spec", "template", "spec"), Unstructured.Namespace(obj)),
            [NativeKinds.CronJob] = obj => FromPodSpec(Unstructured.GetObject(obj, "spec", "jobTemplate", "spec", "template", "spec"), Unstructured.Namespace(obj)),
            [NativeKinds.Pod] = obj => FromPodSpec(Unstructured.GetObject(obj, "spec"), Unstructured.Namespace(obj)),
            [NativeKinds.Ingress] = IngressDependencies,
            [NativeKinds.ServiceImport] = ServiceImportDependencies,
        };

    /// <summary>The dependencies of a pod spec in <paramref name="ns"/>.</summary>
    public static List<DependentObjectReference> FromPodSpec(JsonObject? spec, string ns)
    {
        var configMaps = new SortedSet<string>(StringComparer.Ordinal);
        var secrets = new SortedSet<string>(StringComparer.Ordinal);
        var serviceAccounts = new SortedSet<string>(StringComparer.Ordinal);
        var claims = new SortedSet<string>(StringComparer.Ordinal);

        foreach (var pullSecret in (Unstructured.GetArray(spec, "imagePullSecrets") ?? []).OfType<JsonObject>())
        {
            Add(secrets, Unstructured.GetString(pullSecret, "name"));
        }

        foreach (var list in new[] { "initContainers", "containers", "ephemeralContainers" })
        {
            foreach (var container in (Unstructured.GetArray(spec, list) ?? []).OfType<JsonObject>())
            {
                foreach (var envFrom in (Unstructured.GetArray(container, "envFrom") ?? []).OfType<JsonObject>())
                {
                    Add(configMaps, Unstructured.GetString(envFrom, "configMapRef", "name"));
                    Add(secrets, Unstructured.GetString(envFrom, "secretRef", "name"));
                }

                foreach (var env in (Unstructured.GetArray(container, "env") ?? []).OfType<JsonObject>())
                {
                    Add(configMaps, Unstructured.GetString(env, "valueFrom", "configMapKeyRef", "name"));
                    Add(secrets, Unstructured.GetString(env, "valueFrom", "secretKeyRef", "name"));
                }
            }
        }

        foreach (var volume in (Unstructured.GetArray(spec, "volumes") ?? []).OfType<JsonObject>())
        {
            Add(configMaps, Unstructured.GetString(volume, "configMap", "name"));
            Add(secrets, Unstructured.GetString(volume, "secret", "secretName"));
            Add(secrets, Unstructured.GetString(volume, "azureFile", "secretName"));
            foreach (var source in new[] { "cephfs", "cinder", "flexVolume", "rbd", "scaleIO", "iscsi", "storageos" })
            {
                Add(secrets, Unstructured.GetString(volume, source, "secretRef", "name"));
            }

            Add(secrets, Unstructured.GetString(volume, "csi", "nodePublishSecretRef", "name"));
            foreach (var projected in (Unstructured.GetArray(volume, "projected", "sources") ?? []).OfType<JsonObject>())
            {
                Add(configMaps, Unstructured.GetString(projected, "configMap", "name"));
                Add(secrets, Unstructured.GetString(projected, "secret", "name"));
            }

            Add(claims, Unstructured.GetString(volume, "persistentVolumeClaim", "claimName"));
        }

        if (Unstructured.GetString(spec, "serviceAccountName") is { Length: > 0 } serviceAccount && serviceAccount != "default")
        {
            serviceAccounts.Add(serviceAccount);
        }

        var result = new List<DependentObjectReference>();
        result.AddRange(configMaps.Select(n => Reference("ConfigMap", ns, n)));
        result.AddRange(secrets.Select(n => Reference("Secret", ns, n)));
        result.AddRange(serviceAccounts.Select(n => Reference("ServiceAccount", ns, n)));
        result.AddRange(claims.Select(n => Reference("PersistentVolumeClaim", ns, n)));
        return result;
    }

    private static List<DependentObjectReference> IngressDependencies(JsonObject obj) =>
        (Unstructured.GetArray(obj, "spec", "tls") ?? [])
            .OfType<JsonObject>()
            .Select(tls => Reference("Secret", Unstructured.Namespace(obj), Unstructured.GetString(tls, "secretName") ?? ""))
            .ToList();

    private static List<DependentObjectReference> ServiceImportDependencies(JsonObject obj)
    {
        var ns = Unstructured.Namespace(obj);
        var derived = "derived-" + Unstructured.Name(obj);
        return
        [
            Reference("Service", ns, derived),
            new DependentObjectReference
            {
                ApiVersion = "discovery.k8s.io/v1",
                Kind = "EndpointSlice",
                Namespace = ns,
                LabelSelector = new LabelSelector { MatchLabels = { ["kubernetes.io/service-name"] = derived } },
            },
        ];
    }

    private static DependentObjectReference Reference(string kind, string ns, string name) =>
        new() { ApiVersion = "v1", Kind = kind, Namespace = ns, Name = name };

    private static void Add(SortedSet<string> set, string? name)
    {
        if (!string.IsNullOrEmpty(name))
        {
            set.Add(name);
        }
    }
}
