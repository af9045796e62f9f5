namespace Karmada.Api.Work.V1Alpha2;

/// <summary>Condition types of a <see cref="ResourceBinding"/> or <see cref="ClusterResourceBinding"/>.</summary>
public static class BindingConditionTypes
{
    /// <summary>The binding has been scheduled.</summary>
    public const string Scheduled = "Scheduled";

    /// <summary>The resource has been applied to all scheduled clusters.</summary>
    public const string FullyApplied = "FullyApplied";
}
