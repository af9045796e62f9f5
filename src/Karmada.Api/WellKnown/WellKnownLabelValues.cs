namespace Karmada.Api.WellKnown;

/// <summary>Values of the labels in <see cref="WellKnownLabels"/>.</summary>
public static class WellKnownLabelValues
{
    /// <summary>Value of <see cref="WellKnownLabels.Managed"/>, <see cref="WellKnownLabels.System"/> and the other boolean labels.</summary>
    public const string True = "true";

    /// <summary>Value of <see cref="WellKnownLabels.DeletionProtected"/> that denies deletion.</summary>
    public const string DeletionProtectedAlways = "Always";

    /// <summary>Value of <see cref="WellKnownLabels.PropagationInstruction"/>: do not propagate.</summary>
    public const string PropagationInstructionSuppressed = "suppressed";

    /// <summary>Value of <see cref="WellKnownLabels.EndpointSliceManagedBy"/> for slices dispatched by Karmada.</summary>
    public const string EndpointSliceDispatchController = "endpointslice-dispatch-controller.karmada.io";
}
