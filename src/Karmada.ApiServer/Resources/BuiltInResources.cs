using System.Text.Json.Nodes;
using Karmada.ApiServer.Printing;

namespace Karmada.ApiServer.Resources;

/// <summary>
/// The Kubernetes built-in kinds the control plane serves (stored, not run: the control plane holds templates, as
/// upstream's karmada-apiserver does), with discovery metadata and the printer columns kubectl users know.
/// </summary>
public static class BuiltInResources
{
    public static IReadOnlyList<ResourceDefinition> All { get; } = Build();

    private static PrinterColumn Col(string name, Func<JsonObject, object?> compute, int priority = 0, string type = "string") =>
        new(name, type, "", priority) { Compute = (o, _) => compute(o) };

    private static PrinterColumn TimeCol(string name, Func<JsonObject, DateTimeOffset, object?> compute, int priority = 0) =>
        new(name, "string", "", priority) { Compute = compute };

    private static PrinterColumn Path(string name, string path, int priority = 0, string type = "string") => new(name, type, path, priority);

    private static ResourceDefinition R(
        string group,
        string version,
        string kind,
        string plural,
        bool namespaced,
        string[]? shortNames = null,
        string[]? categories = null,
        bool status = false,
        ScaleSubresource? scale = null,
        PrinterColumn[]? columns = null,
        bool hasSpec = true,
        string[]? verbs = null) => new()
        {
            Group = group,
            Version = version,
            Kind = kind,
            Plural = plural,
            Singular = kind.ToLowerInvariant(),
            Namespaced = namespaced,
            ShortNames = shortNames ?? [],
            Categories = categories ?? [],
            HasStatus = status,
            Scale = scale,
            PrinterColumns = columns ?? [],
            HasSpec = hasSpec,
            Verbs = verbs ?? ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"],
        };

    private static List<ResourceDefinition> Build()
    {
        var replicas = new ScaleSubresource(".spec.replicas", ".status.replicas", ".status.selector");
        var workloadWide = new[]
        {
            Col("Containers", BuiltInCells.ContainerNames, 1),
            Col("Images", BuiltInCells.ContainerImages, 1),
            Col("Selector", BuiltInCells.WorkloadSelector, 1),
        };
        var all = new[] { "all" };
        return
        [
            // core/v1
            R("", "v1", "Namespace", "namespaces", false, ["ns"], status: true, columns: [Path("Status", ".status.phase")], verbs: ["create", "delete", "get", "list", "patch", "update", "watch"]),
            R("", "v1", "ConfigMap", "configmaps", true, ["cm"], columns: [Col("Data", BuiltInCells.DataCount, type: "integer")], hasSpec: false),
            R("", "v1", "Secret", "secrets", true, columns: [Path("Type", ".type"), Col("Data", BuiltInCells.DataCount, type: "integer")], hasSpec: false),
            R("", "v1", "Service", "services", true, ["svc"], all, status: true, columns:
            [
                Path("Type", ".spec.type"),
                Col("Cluster-IP", o => Cells.OrNone(Cells.Str(o, "spec", "clusterIP"))),
                Col("External-IP", BuiltInCells.ServiceExternalIp),
                Col("Port(s)", BuiltInCells.ServicePorts),
                Col("Selector", o => Cells.MapSelector(Cells.At(o, "spec", "selector")), 1),
            ]),
            R("", "v1", "ServiceAccount", "serviceaccounts", true, ["sa"], columns: [Col("Secrets", o => Cells.Array(o, "secrets").Count, type: "integer")], hasSpec: false),
            R("", "v1", "Pod", "pods", true, ["po"], all, status: true, columns:
            [
                Col("Ready", BuiltInCells.PodReady),
                Col("Status", BuiltInCells.PodStatus),
                Col("Restarts", BuiltInCells.PodRestarts, type: "integer"),
                Col("IP", BuiltInCells.PodIp, 1),
                Col("Node", BuiltInCells.PodNode, 1),
                Col("Nominated Node", BuiltInCells.PodNominatedNode, 1),
                Col("Readiness Gates", _ => "<none>", 1),
            ]),
            R("", "v1", "PodTemplate", "podtemplates", true, hasSpec: false),
            R("", "v1", "ReplicationController", "replicationcontrollers", true, ["rc"], all, status: true, scale: replicas),
            R("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims", true, ["pvc"], status: true, columns:
            [
                Path("Status", ".status.phase"),
                Path("Volume", ".spec.volumeName"),
                Path("Capacity", ".status.capacity.storage"),
                Col("Access Modes", BuiltInCells.AccessModes),
                Path("StorageClass", ".spec.storageClassName"),
            ]),
            R("", "v1", "PersistentVolume", "persistentvolumes", false, ["pv"], status: true, columns:
            [
                Path("Capacity", ".spec.capacity.storage"),
                Col("Access Modes", BuiltInCells.AccessModes),
                Path("Reclaim Policy", ".spec.persistentVolumeReclaimPolicy"),
                Path("Status", ".status.phase"),
                Col("Claim", o => Cells.Str(o, "spec", "claimRef", "name").Length == 0 ? "" : $"{Cells.Str(o, "spec", "claimRef", "namespace")}/{Cells.Str(o, "spec", "claimRef", "name")}"),
                Path("StorageClass", ".spec.storageClassName"),
            ]),
            R("", "v1", "Node", "nodes", false, ["no"], status: true, columns:
            [
                Col("Status", BuiltInCells.NodeStatus),
                Col("Roles", BuiltInCells.NodeRoles),
                TimeCol("Age", (o, now) => HumanDuration.Since(Cells.Str(o, "metadata", "creationTimestamp"), now)),
                Path("Version", ".status.nodeInfo.kubeletVersion"),
                Col("Internal-IP", o => BuiltInCells.NodeAddress(o, "InternalIP"), 1),
                Col("External-IP", o => BuiltInCells.NodeAddress(o, "ExternalIP"), 1),
                Path("OS-Image", ".status.nodeInfo.osImage", 1),
                Path("Kernel-Version", ".status.nodeInfo.kernelVersion", 1),
                Path("Container-Runtime", ".status.nodeInfo.containerRuntimeVersion", 1),
            ]),
            R("", "v1", "Event", "events", true, ["ev"], columns:
            [
                TimeCol("Last Seen", BuiltInCells.EventLastSeen),
                Path("Type", ".type"),
                Path("Reason", ".reason"),
                Col("Object", BuiltInCells.EventObject),
                Path("Message", ".message"),
                new PrinterColumn("Name", "string", ".metadata.name", 1),
            ], hasSpec: false),
            R("", "v1", "Endpoints", "endpoints", true, ["ep"], columns: [Col("Endpoints", BuiltInCells.EndpointsList)], hasSpec: false),
            R("", "v1", "LimitRange", "limitranges", true, ["limits"]),
            R("", "v1", "ResourceQuota", "resourcequotas", true, ["quota"], status: true),

            // apps/v1
            R("apps", "v1", "Deployment", "deployments", true, ["deploy"], all, status: true, scale: replicas, columns:
            [
                Col("Ready", BuiltInCells.ReadyOfReplicas),
                Path("Up-to-date", ".status.updatedReplicas", type: "integer"),
                Path("Available", ".status.availableReplicas", type: "integer"),
                .. workloadWide,
            ]),
            R("apps", "v1", "ReplicaSet", "replicasets", true, ["rs"], all, status: true, scale: replicas, columns:
            [
                Path("Desired", ".spec.replicas", type: "integer"),
                Path("Current", ".status.replicas", type: "integer"),
                Path("Ready", ".status.readyReplicas", type: "integer"),
                .. workloadWide,
            ]),
            R("apps", "v1", "StatefulSet", "statefulsets", true, ["sts"], all, status: true, scale: replicas, columns:
            [
                Col("Ready", BuiltInCells.ReadyOfReplicas),
                Col("Containers", BuiltInCells.ContainerNames, 1),
                Col("Images", BuiltInCells.ContainerImages, 1),
            ]),
            R("apps", "v1", "DaemonSet", "daemonsets", true, ["ds"], all, status: true, columns:
            [
                Path("Desired", ".status.desiredNumberScheduled", type: "integer"),
                Path("Current", ".status.currentNumberScheduled", type: "integer"),
                Path("Ready", ".status.numberReady", type: "integer"),
                Path("Up-to-date", ".status.updatedNumberScheduled", type: "integer"),
                Path("Available", ".status.numberAvailable", type: "integer"),
                Col("Node Selector", o => Cells.MapSelector(Cells.At(o, "spec", "template", "spec", "nodeSelector"))),
                .. workloadWide,
            ]),
            R("apps", "v1", "ControllerRevision", "controllerrevisions", true, hasSpec: false),

            // batch/v1
            R("batch", "v1", "Job", "jobs", true, categories: all, status: true, columns:
            [
                Col("Status", BuiltInCells.JobStatus),
                Col("Completions", BuiltInCells.JobCompletions),
                TimeCol("Duration", BuiltInCells.JobDuration),
                .. workloadWide,
            ]),
            R("batch", "v1", "CronJob", "cronjobs", true, ["cj"], all, status: true, columns:
            [
                Path("Schedule", ".spec.schedule"),
                Col("Timezone", o => Cells.OrNone(Cells.Str(o, "spec", "timeZone"))),
                Path("Suspend", ".spec.suspend"),
                Col("Active", o => Cells.Array(o, "status", "active").Count, type: "integer"),
                TimeCol("Last Schedule", BuiltInCells.CronJobLastSchedule),
            ]),

            // autoscaling
            R("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true, ["hpa"], all, status: true, columns:
            [
                Col("Reference", o => $"{Cells.Str(o, "spec", "scaleTargetRef", "kind")}/{Cells.Str(o, "spec", "scaleTargetRef", "name")}"),
                Path("MinPods", ".spec.minReplicas", type: "integer"),
                Path("MaxPods", ".spec.maxReplicas", type: "integer"),
                Path("Replicas", ".status.currentReplicas", type: "integer"),
            ]),

            // policy/v1
            R("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", true, ["pdb"], status: true, columns:
            [
                Path("Min Available", ".spec.minAvailable"),
                Path("Max Unavailable", ".spec.maxUnavailable"),
                Path("Allowed Disruptions", ".status.disruptionsAllowed", type: "integer"),
            ]),

            // networking.k8s.io/v1
            R("networking.k8s.io", "v1", "Ingress", "ingresses", true, ["ing"], status: true, columns:
            [
                Path("Class", ".spec.ingressClassName"),
                Col("Hosts", o => Cells.Join(Cells.Array(o, "spec", "rules").OfType<JsonObject>().Select(r => Cells.Str(r, "host")).DefaultIfEmpty("*"))),
                Col("Address", o => Cells.Join(Cells.Array(o, "status", "loadBalancer", "ingress").OfType<JsonObject>().Select(i => Cells.Str(i, "ip")))),
                Col("Ports", o => Cells.Array(o, "spec", "tls").Count > 0 ? "80, 443" : "80"),
            ]),
            R("networking.k8s.io", "v1", "IngressClass", "ingressclasses", false),
            R("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", true, ["netpol"]),

            // discovery.k8s.io/v1
            R("discovery.k8s.io", "v1", "EndpointSlice", "endpointslices", true, columns:
            [
                Path("AddressType", ".addressType"),
                Col("Ports", o => Cells.Join(Cells.Array(o, "ports").OfType<JsonObject>().Select(p => Cells.Int(p, "port").ToString(System.Globalization.CultureInfo.InvariantCulture)))),
                Col("Endpoints", o => Cells.Join(Cells.Array(o, "endpoints").OfType<JsonObject>().SelectMany(e => Cells.Array(e, "addresses").Select(a => (string?)a ?? "")))),
            ], hasSpec: false),

            // coordination.k8s.io/v1
            R("coordination.k8s.io", "v1", "Lease", "leases", true, columns: [Col("Holder", BuiltInCells.Holder)]),

            // events.k8s.io/v1
            R("events.k8s.io", "v1", "Event", "events", true, ["ev"], hasSpec: false),

            // rbac.authorization.k8s.io/v1
            R("rbac.authorization.k8s.io", "v1", "Role", "roles", true, hasSpec: false),
            R("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false, hasSpec: false),
            R("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", true, columns: [Col("Role", o => $"{Cells.Str(o, "roleRef", "kind")}/{Cells.Str(o, "roleRef", "name")}")], hasSpec: false),
            R("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", false, columns: [Col("Role", o => $"{Cells.Str(o, "roleRef", "kind")}/{Cells.Str(o, "roleRef", "name")}")], hasSpec: false),

            // scheduling.k8s.io/v1 and storage.k8s.io/v1
            R("scheduling.k8s.io", "v1", "PriorityClass", "priorityclasses", false, ["pc"], columns:
            [
                Path("Value", ".value", type: "integer"),
                Path("Global-Default", ".globalDefault"),
                Path("PreemptionPolicy", ".preemptionPolicy"),
            ], hasSpec: false),
            R("storage.k8s.io", "v1", "StorageClass", "storageclasses", false, ["sc"], columns:
            [
                Path("Provisioner", ".provisioner"),
                Path("ReclaimPolicy", ".reclaimPolicy"),
                Path("VolumeBindingMode", ".volumeBindingMode"),
            ], hasSpec: false),

            // Review resources: answered, never stored (authorization is not enforced: every authenticated user may
            // do everything, which is what SelfSubjectAccessReview reports).
            R("authorization.k8s.io", "v1", "SelfSubjectAccessReview", "selfsubjectaccessreviews", false, verbs: ["create"]),
            R("authorization.k8s.io", "v1", "SubjectAccessReview", "subjectaccessreviews", false, verbs: ["create"]),
            R("authentication.k8s.io", "v1", "SelfSubjectReview", "selfsubjectreviews", false, verbs: ["create"]),

            // apiextensions.k8s.io/v1
            R("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", false, ["crd", "crds"], categories: ["api-extensions"], status: true, columns:
            [
                new PrinterColumn("Created At", "date", ".metadata.creationTimestamp"),
            ]),
        ];
    }
}
