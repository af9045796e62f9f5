namespace Karmada.Api.Networking.V1Alpha1;

/// <summary>Condition types of a <see cref="MultiClusterService"/>.</summary>
public static class MultiClusterServiceConditionTypes
{
    /// <summary>The derived services were applied.</summary>
    public const string ServiceApplied = "ServiceApplied";

    /// <summary>The endpoint slices were dispatched to the consumer clusters.</summary>
    public const string EndpointSliceDispatched = "EndpointSliceDispatched";
}
