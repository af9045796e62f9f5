using System.Text.Json.Nodes;
using Karmada.ApiServer.Registry;
using Karmada.ApiServer.Resources;

namespace Karmada.ApiServer.Defaulting;

/// <summary>
/// The defaults kube-apiserver fills into built-in kinds (<c>SetDefaults_*</c> of k8s.io/kubernetes pkg/apis), so
/// objects read back look as they would from a real cluster and controllers compare like with like.
/// </summary>
public sealed class BuiltInDefaults(ServiceIpAllocator serviceIps) : IObjectDefaulter
{
    public void Apply(ResourceDefinition resource, JsonObject obj, List<string> warnings, string fieldValidation)
    {
        if (resource.IsCustom)
        {
            return;
        }

        switch ((resource.Group, resource.Kind))
        {
            case ("apps", "Deployment"):
                Deployment(obj);
                break;
            case ("apps", "ReplicaSet"):
                Default(Spec(obj), "replicas", 1);
                PodTemplate(Spec(obj)["template"], "Always");
                break;
            case ("apps", "StatefulSet"):
                StatefulSet(obj);
                break;
            case ("apps", "DaemonSet"):
                DaemonSet(obj);
                break;
            case ("batch", "Job"):
                Job(Spec(obj));
                break;
            case ("batch", "CronJob"):
                CronJob(obj);
                break;
            case ("", "Pod"):
                PodSpec(Spec(obj), "Always");
                RequestsFromLimits(Spec(obj));
                break;
            case ("", "PodTemplate"):
                PodTemplate(obj["template"], "Always");
                break;
            case ("", "ReplicationController"):
                Default(Spec(obj), "replicas", 1);
                PodTemplate(Spec(obj)["template"], "Always");
                break;
            case ("", "Service"):
                Service(obj);
                break;
            case ("", "Secret"):
                Default(obj, "type", "Opaque");
                break;
            case ("", "PersistentVolumeClaim"):
                Default(Spec(obj), "volumeMode", "Filesystem");
                break;
            default:
                break;
        }
    }

    private static JsonObject Spec(JsonObject obj)
    {
        if (obj["spec"] is not JsonObject spec)
        {
            spec = [];
            obj["spec"] = spec;
        }

        return spec;
    }

    private static JsonObject Child(JsonObject parent, string name)
    {
        if (parent[name] is not JsonObject child)
        {
            child = [];
            parent[name] = child;
        }

        return child;
    }

    private static void Default(JsonObject obj, string name, JsonNode? value)
    {
        if (obj[name] is null)
        {
            obj[name] = value;
        }
    }

    private static void Deployment(JsonObject obj)
    {
        var spec = Spec(obj);
        Default(spec, "replicas", 1);
        var strategy = Child(spec, "strategy");
        Default(strategy, "type", "RollingUpdate");
        if ((string?)strategy["type"] == "RollingUpdate")
        {
            var rolling = Child(strategy, "rollingUpdate");
            Default(rolling, "maxUnavailable", "25%");
            Default(rolling, "maxSurge", "25%");
        }

        Default(spec, "revisionHistoryLimit", 10);
        Default(spec, "progressDeadlineSeconds", 600);
        PodTemplate(spec["template"], "Always");
    }

    private static void StatefulSet(JsonObject obj)
    {
        var spec = Spec(obj);
        Default(spec, "replicas", 1);
        Default(spec, "podManagementPolicy", "OrderedReady");
        var strategy = Child(spec, "updateStrategy");
        Default(strategy, "type", "RollingUpdate");
        if ((string?)strategy["type"] == "RollingUpdate")
        {
            Default(Child(strategy, "rollingUpdate"), "partition", 0);
        }

        Default(spec, "revisionHistoryLimit", 10);
        var retention = Child(spec, "persistentVolumeClaimRetentionPolicy");
        Default(retention, "whenDeleted", "Retain");
        Default(retention, "whenScaled", "Retain");
        PodTemplate(spec["template"], "Always");
    }

    private static void DaemonSet(JsonObject obj)
    {
        var spec = Spec(obj);
        var strategy = Child(spec, "updateStrategy");
        Default(strategy, "type", "RollingUpdate");
        if ((string?)strategy["type"] == "RollingUpdate")
        {
            var rolling = Child(strategy, "rollingUpdate");
            Default(rolling, "maxUnavailable", 1);
            Default(rolling, "maxSurge", 0);
        }

        Default(spec, "revisionHistoryLimit", 10);
        PodTemplate(spec["template"], "Always");
    }

    private static void Job(JsonObject spec)
    {
        if (spec["completions"] is null && spec["parallelism"] is null)
        {
            spec["completions"] = 1;
            spec["parallelism"] = 1;
        }

        Default(spec, "parallelism", 1);
        Default(spec, "backoffLimit", 6);
        Default(spec, "completionMode", "NonIndexed");
        Default(spec, "suspend", false);
        Default(spec, "manualSelector", null);
        if (spec["manualSelector"] is null)
        {
            spec.Remove("manualSelector");
        }

        Default(spec, "podReplacementPolicy", "TerminatingOrFailed");
        PodTemplate(spec["template"], "Never");
    }

    private static void CronJob(JsonObject obj)
    {
        var spec = Spec(obj);
        Default(spec, "concurrencyPolicy", "Allow");
        Default(spec, "suspend", false);
        Default(spec, "successfulJobsHistoryLimit", 3);
        Default(spec, "failedJobsHistoryLimit", 1);
        if (spec["jobTemplate"] is JsonObject template)
        {
            Job(Child(template, "spec"));
        }
    }

    private static void PodTemplate(JsonNode? template, string restartPolicy)
    {
        if (template is JsonObject t)
        {
            PodSpec(Child(t, "spec"), restartPolicy);
        }
    }

    private static void PodSpec(JsonObject spec, string restartPolicy)
    {
        Default(spec, "restartPolicy", restartPolicy);
        Default(spec, "terminationGracePeriodSeconds", 30);
        Default(spec, "dnsPolicy", "ClusterFirst");
        Default(spec, "securityContext", new JsonObject());
        Default(spec, "schedulerName", "default-scheduler");
        foreach (var list in new[] { "containers", "initContainers" })
        {
            foreach (var container in (spec[list] as JsonArray ?? []).OfType<JsonObject>())
            {
                Container(container);
            }
        }
    }

    /// <summary>
    /// <c>SetDefaults_Pod</c>: a container's limits are its requests where it states none (pods only, not templates,
    /// so a Deployment's template stays as written and its pods get the defaults).
    /// </summary>
    private static void RequestsFromLimits(JsonObject spec)
    {
        foreach (var list in new[] { "containers", "initContainers" })
        {
            foreach (var container in (spec[list] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (container["resources"] is not JsonObject resources || resources["limits"] is not JsonObject { Count: > 0 } limits)
                {
                    continue;
                }

                var requests = resources["requests"] as JsonObject ?? [];
                resources["requests"] = requests;
                foreach (var (name, value) in limits)
                {
                    if (!requests.ContainsKey(name))
                    {
                        requests[name] = value?.DeepClone();
                    }
                }
            }
        }
    }

    private static void Container(JsonObject container)
    {
        Default(container, "terminationMessagePath", "/dev/termination-log");
        Default(container, "terminationMessagePolicy", "File");
        Default(container, "resources", new JsonObject());
        if (container["imagePullPolicy"] is null)
        {
            var image = (string?)container["image"] ?? "";
            var lastSegment = image[(image.LastIndexOf('/') + 1)..];
            var hasDigest = image.Contains('@', StringComparison.Ordinal);
            var tag = lastSegment.Contains(':', StringComparison.Ordinal) ? lastSegment[(lastSegment.IndexOf(':', StringComparison.Ordinal) + 1)..] : "";
            container["imagePullPolicy"] = !hasDigest && (tag.Length == 0 || tag == "latest") ? "Always" : "IfNotPresent";
        }

        foreach (var port in (container["ports"] as JsonArray ?? []).OfType<JsonObject>())
        {
            Default(port, "protocol", "TCP");
        }
    }

    private void Service(JsonObject obj)
    {
        var spec = Spec(obj);
        Default(spec, "type", "ClusterIP");
        Default(spec, "sessionAffinity", "None");
        var type = (string?)spec["type"];
        if (type != "ExternalName")
        {
            Default(spec, "internalTrafficPolicy", "Cluster");
            Default(spec, "ipFamilyPolicy", "SingleStack");
            Default(spec, "ipFamilies", new JsonArray("IPv4"));
            if (spec["clusterIP"] is null || (string?)spec["clusterIP"] == "")
            {
                spec["clusterIP"] = serviceIps.Next();
            }

            if ((string?)spec["clusterIP"] != "None" && spec["clusterIPs"] is null)
            {
                spec["clusterIPs"] = new JsonArray((string?)spec["clusterIP"]);
            }
        }

        if (type is "LoadBalancer" or "NodePort")
        {
            Default(spec, "externalTrafficPolicy", "Cluster");
        }

        foreach (var port in (spec["ports"] as JsonArray ?? []).OfType<JsonObject>())
        {
            Default(port, "protocol", "TCP");
            if (port["targetPort"] is null && port["port"] is { } p)
            {
                port["targetPort"] = p.DeepClone();
            }
        }
    }
}
