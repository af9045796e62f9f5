namespace Karmada.ApiServer.Registry;

/// <summary>The parts of <c>metav1.DeleteOptions</c> the server honours.</summary>
public sealed record DeleteOptions
{
    public static DeleteOptions Default { get; } = new();

    /// <summary><c>Orphan</c>, <c>Background</c> or <c>Foreground</c>; null means the resource's default (Background).</summary>
    public string? PropagationPolicy { get; init; }

    public string? PreconditionUid { get; init; }

    public string? PreconditionResourceVersion { get; init; }

    public bool DryRun { get; init; }

    /// <summary><c>gracePeriodSeconds</c>: null means the resource's default (see <see cref="GracefulDeletion"/>).</summary>
    public long? GracePeriodSeconds { get; init; }

    public string UserName { get; init; } = "";
}
