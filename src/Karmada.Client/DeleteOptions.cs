namespace Karmada.Client;

/// <summary>The body of a DELETE request (<c>metav1.DeleteOptions</c>).</summary>
public sealed class DeleteOptions
{
    public PropagationPolicy? PropagationPolicy { get; set; }

    public DeletePreconditions? Preconditions { get; set; }

    public long? GracePeriodSeconds { get; set; }

    /// <summary>Run admission but persist nothing (<c>dryRun: ["All"]</c>).</summary>
    public bool DryRun { get; set; }
}
