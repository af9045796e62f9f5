using static Karmada.Patching.Schema.CorePatchMeta;
using static Karmada.Patching.Schema.PatchMeta;

namespace Karmada.Patching.Schema;

/// <summary>
/// Patch metadata of the workload and other non-core built-in groups (apps, batch, autoscaling, policy,
/// networking, RBAC, storage, discovery, admissionregistration), transcribed from k8s.io/api.
/// </summary>
internal static class WorkloadPatchMeta
{
    private static readonly PatchMeta Conditions = MergeList("type");

    private static readonly PatchMeta Template = PodTemplateSpec.AsAlwaysSerialized();

    public static PatchMeta Deployment { get; } = TopLevel(
        ("spec", Struct(
            ("selector", LabelSelector),
            ("template", Template),
            ("strategy", Unknown.WithRetainKeys().AsAlwaysSerialized())).AsAlwaysSerialized()),
        ("status", Struct(("conditions", Conditions)).AsAlwaysSerialized()));

    public static PatchMeta StatefulSet { get; } = TopLevel(
        ("spec", Struct(
            ("selector", LabelSelector),
            ("template", Template),
            ("volumeClaimTemplates", AtomicList()),
            ("updateStrategy", Unknown.AsAlwaysSerialized())).AsAlwaysSerialized()),
        ("status", Struct(("conditions", Conditions)).AsAlwaysSerialized()));

    public static PatchMeta DaemonSet { get; } = TopLevel(
        ("spec", Struct(
            ("selector", LabelSelector),
            ("template", Template),
            ("updateStrategy", Unknown.AsAlwaysSerialized())).AsAlwaysSerialized()),
        ("status", Struct(("conditions", Conditions)).AsAlwaysSerialized()));

    public static PatchMeta ReplicaSet { get; } = TopLevel(
        ("spec", Struct(("selector", LabelSelector), ("template", Template)).AsAlwaysSerialized()),
        ("status", Struct(("conditions", Conditions)).AsAlwaysSerialized()));

    public static PatchMeta ControllerRevision { get; } = TopLevel();

    public static PatchMeta JobSpec { get; } = Struct(
        ("selector", LabelSelector),
        ("template", Template),
        ("podFailurePolicy", Struct(("rules", AtomicList()))),
        ("successPolicy", Struct(("rules", AtomicList()))));

    // Job conditions merge by type under strategic merge patch but are +listType=atomic for server-side apply.
    public static PatchMeta Job { get; } = TopLevel(
        ("spec", JobSpec.AsAlwaysSerialized()),
        ("status", Struct(
            ("conditions", Conditions.AsAtomic()),
            ("uncountedTerminatedPods", Struct(("succeeded", Set()), ("failed", Set())))).AsAlwaysSerialized()));

    public static PatchMeta CronJob { get; } = TopLevel(
        ("spec", Struct(("jobTemplate", Struct(
            ("metadata", ObjectMeta.AsAlwaysSerialized()),
            ("spec", JobSpec.AsAlwaysSerialized())).AsAlwaysSerialized())).AsAlwaysSerialized()),
        ("status", Struct(("active", AtomicList())).AsAlwaysSerialized()));

    public static PatchMeta HorizontalPodAutoscaler { get; } = TopLevel(
        ("spec", Struct(
            ("metrics", AtomicList()),
            ("behavior", Struct(
                ("scaleUp", Struct(("policies", AtomicList()))),
                ("scaleDown", Struct(("policies", AtomicList())))))).AsAlwaysSerialized()),
        ("status", Struct(("conditions", Conditions), ("currentMetrics", AtomicList())).AsAlwaysSerialized()));

    public static PatchMeta PodDisruptionBudget { get; } = TopLevel(
        ("spec", Struct(("selector", LabelSelector)).AsAlwaysSerialized()),
        ("status", Struct(("conditions", Conditions), ("disruptedPods", Map())).AsAlwaysSerialized()));

    public static PatchMeta Ingress { get; } = TopLevel(
        ("spec", Struct(("rules", AtomicList()), ("tls", AtomicList())).AsAlwaysSerialized()),
        ("status", Struct(("loadBalancer", Struct(("ingress", AtomicList())).AsAlwaysSerialized())).AsAlwaysSerialized()));

    public static PatchMeta NetworkPolicy { get; } = TopLevel(
        ("spec", Struct(
            ("podSelector", LabelSelector.AsAlwaysSerialized()),
            ("ingress", AtomicList()),
            ("egress", AtomicList()),
            ("policyTypes", AtomicList())).AsAlwaysSerialized()));

    public static PatchMeta Role { get; } = TopLevel(("rules", AtomicList()));

    public static PatchMeta ClusterRole { get; } = TopLevel(
        ("rules", AtomicList()),
        ("aggregationRule", Struct(("clusterRoleSelectors", AtomicList()))));

    public static PatchMeta RoleBinding { get; } = TopLevel(("subjects", AtomicList()));

    public static PatchMeta StorageClass { get; } = TopLevel(
        ("parameters", Map()),
        ("mountOptions", AtomicList()),
        ("allowedTopologies", AtomicList()));

    public static PatchMeta EndpointSlice { get; } = TopLevel(("endpoints", AtomicList()), ("ports", AtomicList()));

    public static PatchMeta WebhookConfiguration { get; } = TopLevel(("webhooks", MergeList("name")));
}
