using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Apps.V1Alpha1;

/// <summary>Why rebalancing a workload failed.</summary>
[JsonConverter(typeof(StrictEnumConverter<RebalanceFailedReason>))]
public enum RebalanceFailedReason
{
    /// <summary>The binding of the workload was not found.</summary>
    ReferencedBindingNotFound,
}
