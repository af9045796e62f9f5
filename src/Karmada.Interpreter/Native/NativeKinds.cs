namespace Karmada.Interpreter.Native;

/// <summary>The kinds the built-in interpreter knows, by exact group/version.</summary>
internal static class NativeKinds
{
    public static readonly GroupVersionKind Deployment = new("apps/v1", "Deployment");
    public static readonly GroupVersionKind ReplicaSet = new("apps/v1", "ReplicaSet");
    public static readonly GroupVersionKind StatefulSet = new("apps/v1", "StatefulSet");
    public static readonly GroupVersionKind DaemonSet = new("apps/v1", "DaemonSet");
    public static readonly GroupVersionKind Job = new("batch/v1", "Job");
    public static readonly GroupVersionKind CronJob = new("batch/v1", "CronJob");
    public static readonly GroupVersionKind Pod = new("v1", "Pod");
    public static readonly GroupVersionKind Service = new("v1", "Service");
    public static readonly GroupVersionKind ServiceAccount = new("v1", "ServiceAccount");
    public static readonly GroupVersionKind Secret = new("v1", "Secret");
    public static readonly GroupVersionKind PersistentVolume = new("v1", "PersistentVolume");
    public static readonly GroupVersionKind PersistentVolumeClaim = new("v1", "PersistentVolumeClaim");
    public static readonly GroupVersionKind Ingress = new("networking.k8s.io/v1", "Ingress");
    public static readonly GroupVersionKind PodDisruptionBudget = new("policy/v1", "PodDisruptionBudget");
    public static readonly GroupVersionKind HorizontalPodAutoscaler = new("autoscaling/v2", "HorizontalPodAutoscaler");
    public static readonly GroupVersionKind ServiceImport = new("multicluster.x-k8s.io/v1alpha1", "ServiceImport");
}
