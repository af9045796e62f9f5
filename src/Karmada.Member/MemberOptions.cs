using Karmada.Member.Profiles;

namespace Karmada.Member;

/// <summary>How to run one simulated member cluster.</summary>
public sealed class MemberOptions
{
    /// <summary>The member's name: API server name, kubeconfig <c>NAME.config</c>, node name prefix, fault file prefix.</summary>
    public required string Name { get; init; }

    /// <summary>Directory for certificates, the kubeconfig and the fault file (shared by many members).</summary>
    public required string DataDirectory { get; init; }

    /// <summary>HTTPS port; 0 picks a free one.</summary>
    public int SecurePort { get; init; }

    public string BindAddress { get; init; } = "127.0.0.1";

    public MemberProfile Profile { get; init; } = new();

    /// <summary>Clock of the simulated components (tests may pass a fake one).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
