using static Karmada.Patching.Schema.PatchMeta;

namespace Karmada.Patching.Schema;

/// <summary>
/// Patch metadata of the <c>core/v1</c> types and the shared <c>meta/v1</c> types, transcribed from the
/// <c>patchStrategy</c>/<c>patchMergeKey</c> tags and <c>+listType</c>/<c>+mapType</c>/<c>+structType</c> markers
/// of k8s.io/api. Only what differs from <see cref="Unknown"/> (objects merge, lists are atomic) is declared.
/// </summary>
internal static class CorePatchMeta
{
    /// <summary><c>metav1.ObjectMeta</c>.</summary>
    public static PatchMeta ObjectMeta { get; } = Struct(
        ("labels", Map()),
        ("annotations", Map()),
        ("finalizers", MergeSet()),
        ("ownerReferences", MergeList("uid", AtomicStruct())),
        ("managedFields", AtomicList()));

    /// <summary><c>metav1.LabelSelector</c> (<c>+structType=atomic</c>).</summary>
    public static PatchMeta LabelSelector { get; } = Struct(("matchLabels", Map()), ("matchExpressions", AtomicList())).AsAtomic();

    public static PatchMeta ResourceRequirements { get; } = Struct(
        ("limits", Map()),
        ("requests", Map()),
        ("claims", KeyedList(null, "name")));

    public static PatchMeta Container { get; } = Struct(
        ("command", AtomicList()),
        ("args", AtomicList()),
        ("ports", MergeList("containerPort").WithListMapKeys("containerPort", "protocol").WithKeyDefault("protocol", "TCP")),
        ("envFrom", AtomicList()),
        ("env", MergeList("name", Struct(("valueFrom", Struct(
            ("fieldRef", AtomicStruct()),
            ("resourceFieldRef", AtomicStruct()),
            ("configMapKeyRef", AtomicStruct()),
            ("secretKeyRef", AtomicStruct())))))),
        ("resources", ResourceRequirements.AsAlwaysSerialized()),
        ("resizePolicy", AtomicList()),
        ("volumeMounts", MergeList("mountPath")),
        ("volumeDevices", MergeList("devicePath")));

    public static PatchMeta Volume { get; } = Struct(
        ("ephemeral", Struct(("volumeClaimTemplate", Struct(
            ("metadata", ObjectMeta.AsAlwaysSerialized()),
            ("spec", Struct(("resources", ResourceRequirements), ("selector", LabelSelector)).AsAlwaysSerialized()))))));

    public static PatchMeta PodSpec { get; } = Struct(
        ("volumes", MergeList("name", Volume).WithRetainKeys()),
        ("initContainers", MergeList("name", Container)),
        ("containers", MergeList("name", Container).AsAlwaysSerialized()),
        ("ephemeralContainers", MergeList("name", Container)),
        ("nodeSelector", AtomicMap()),
        ("imagePullSecrets", MergeList("name", AtomicStruct())),
        ("affinity", Struct(("nodeAffinity", Struct(("requiredDuringSchedulingIgnoredDuringExecution", AtomicStruct()))))),
        ("tolerations", AtomicList()),
        ("hostAliases", MergeList("ip")),
        ("readinessGates", AtomicList()),
        ("overhead", Map()),
        ("topologySpreadConstraints", MergeList("topologyKey", Struct(("labelSelector", LabelSelector)))
            .WithListMapKeys("topologyKey", "whenUnsatisfiable")),
        ("schedulingGates", MergeList("name")),
        ("resourceClaims", MergeList("name").WithRetainKeys()));

    public static PatchMeta PodStatus { get; } = Struct(
        ("conditions", MergeList("type")),
        ("hostIPs", MergeList("ip").AsAtomic()),
        ("podIPs", MergeList("ip")),
        ("resourceClaimStatuses", MergeList("name").WithRetainKeys()));

    /// <summary><c>PodTemplateSpec</c>, embedded by every workload.</summary>
    public static PatchMeta PodTemplateSpec { get; } = Struct(
        ("metadata", ObjectMeta.AsAlwaysSerialized()),
        ("spec", PodSpec.AsAlwaysSerialized()));

    public static PatchMeta Pod { get; } = TopLevel(("spec", PodSpec.AsAlwaysSerialized()), ("status", PodStatus.AsAlwaysSerialized()));

    public static PatchMeta PodTemplate { get; } = TopLevel(("template", PodTemplateSpec.AsAlwaysSerialized()));

    public static PatchMeta ReplicationController { get; } = TopLevel(
        ("spec", Struct(("selector", AtomicMap()), ("template", PodTemplateSpec)).AsAlwaysSerialized()),
        ("status", Struct(("conditions", MergeList("type"))).AsAlwaysSerialized()));

    public static PatchMeta Service { get; } = TopLevel(
        ("spec", Struct(
            ("ports", MergeList("port").WithListMapKeys("port", "protocol").WithKeyDefault("protocol", "TCP")),
            ("selector", AtomicMap()),
            ("clusterIPs", AtomicList()),
            ("externalIPs", AtomicList()),
            ("ipFamilies", AtomicList()),
            ("loadBalancerSourceRanges", AtomicList())).AsAlwaysSerialized()),
        ("status", Struct(
            ("loadBalancer", Struct(("ingress", AtomicList())).AsAlwaysSerialized()),
            ("conditions", MergeList("type"))).AsAlwaysSerialized()));

    public static PatchMeta Node { get; } = TopLevel(
        ("spec", Struct(("podCIDRs", MergeSet()), ("taints", AtomicList())).AsAlwaysSerialized()),
        ("status", Struct(
            ("capacity", Map()),
            ("allocatable", Map()),
            ("conditions", MergeList("type")),
            ("addresses", MergeList("type")),
            ("daemonEndpoints", Unknown.AsAlwaysSerialized()),
            ("nodeInfo", Unknown.AsAlwaysSerialized())).AsAlwaysSerialized()));

    public static PatchMeta Namespace { get; } = TopLevel(
        ("spec", Struct(("finalizers", AtomicList())).AsAlwaysSerialized()),
        ("status", Struct(("conditions", MergeList("type"))).AsAlwaysSerialized()));

    public static PatchMeta ConfigMap { get; } = TopLevel(("data", Map()), ("binaryData", Map()));

    public static PatchMeta Secret { get; } = TopLevel(("data", Map()), ("stringData", Map()));

    public static PatchMeta ServiceAccount { get; } = TopLevel(
        ("secrets", MergeList("name", AtomicStruct())),
        ("imagePullSecrets", AtomicList()));

    public static PatchMeta PersistentVolumeClaim { get; } = TopLevel(
        ("spec", Struct(
            ("accessModes", AtomicList()),
            ("selector", LabelSelector),
            ("resources", Struct(("limits", Map()), ("requests", Map())).AsAlwaysSerialized()),
            ("dataSource", AtomicStruct())).AsAlwaysSerialized()),
        ("status", Struct(
            ("accessModes", AtomicList()),
            ("capacity", Map()),
            ("conditions", MergeList("type")),
            ("allocatedResources", Map()),
            ("allocatedResourceStatuses", Map())).AsAlwaysSerialized()));

    public static PatchMeta PersistentVolume { get; } = TopLevel(
        ("spec", Struct(
            ("capacity", Map()),
            ("accessModes", AtomicList()),
            ("mountOptions", AtomicList()),
            ("nodeAffinity", Struct(("required", AtomicStruct())))).AsAlwaysSerialized()),
        ("status", Unknown.AsAlwaysSerialized()));

    public static PatchMeta ResourceQuota { get; } = TopLevel(
        ("spec", Struct(("hard", Map()), ("scopes", AtomicList())).AsAlwaysSerialized()),
        ("status", Struct(("hard", Map()), ("used", Map())).AsAlwaysSerialized()));

    public static PatchMeta LimitRange { get; } = TopLevel(("spec", Struct(("limits", AtomicList())).AsAlwaysSerialized()));

    public static PatchMeta Endpoints { get; } = TopLevel(("subsets", AtomicList()));

    /// <summary>A kind without more specific metadata: only <c>metadata</c> is described.</summary>
    public static PatchMeta Generic { get; } = TopLevel();

    /// <summary>The shape shared by every top-level object, extended with kind-specific fields.</summary>
    public static PatchMeta TopLevel(params (string Name, PatchMeta Meta)[] fields) =>
        Struct(("apiVersion", Scalar), ("kind", Scalar), ("metadata", ObjectMeta.AsAlwaysSerialized())).WithFields(fields);
}
