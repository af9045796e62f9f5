namespace Karmada.Api.Work.V1Alpha1;

/// <summary>Condition types of a <see cref="Work"/>.</summary>
public static class WorkConditionTypes
{
    /// <summary>The manifests were applied to the member cluster.</summary>
    public const string Applied = "Applied";

    /// <summary>The manifests are being applied to the member cluster.</summary>
    public const string Progressing = "Progressing";

    /// <summary>All resources of the Work exist on the member cluster.</summary>
    public const string Available = "Available";

    /// <summary>The current state has not matched the desired state for a while.</summary>
    public const string Degraded = "Degraded";

    /// <summary>Whether the Work is being dispatched to the member cluster.</summary>
    public const string Dispatching = "Dispatching";
}
