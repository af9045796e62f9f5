namespace Karmada.Api.Core;

/// <summary>Well-known resource names used in a <see cref="ResourceList"/> (Kubernetes <c>corev1.ResourceName</c>).</summary>
public static class ResourceNames
{
    /// <summary>CPU, in cores (<c>500m</c> = half a core).</summary>
    public const string Cpu = "cpu";

    /// <summary>Memory, in bytes.</summary>
    public const string Memory = "memory";

    /// <summary>Volume size, in bytes.</summary>
    public const string Storage = "storage";

    /// <summary>Local ephemeral storage, in bytes.</summary>
    public const string EphemeralStorage = "ephemeral-storage";

    /// <summary>Number of pods.</summary>
    public const string Pods = "pods";
}
