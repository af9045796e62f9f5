namespace Karmada.Api.Work.V1Alpha1;

/// <summary>Reasons of the <see cref="Work"/> conditions.</summary>
public static class WorkConditionReasons
{
    /// <summary>Applied condition: the manifests were applied.</summary>
    public const string AppliedSuccessful = "AppliedSuccessful";

    /// <summary>Applied condition: applying the manifests failed.</summary>
    public const string AppliedFailed = "AppliedFailed";

    /// <summary>Dispatching condition: the Work is being dispatched.</summary>
    public const string Dispatching = "Dispatching";

    /// <summary>Dispatching condition: dispatching is suspended.</summary>
    public const string SuspendDispatching = "SuspendDispatching";
}
