namespace Karmada.Api.Remedy.V1Alpha1;

/// <summary>Values of <see cref="RemedySpec.Actions"/> and of the cluster's <c>status.remedyActions</c>.</summary>
public static class RemedyActions
{
    /// <summary>The cluster requires traffic control.</summary>
    public const string TrafficControl = "TrafficControl";
}
