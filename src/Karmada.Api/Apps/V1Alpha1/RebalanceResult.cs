using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Apps.V1Alpha1;

/// <summary>The outcome of rebalancing a workload.</summary>
[JsonConverter(typeof(StrictEnumConverter<RebalanceResult>))]
public enum RebalanceResult
{
    /// <summary>The rebalance failed.</summary>
    Failed,

    /// <summary>The workload was rebalanced.</summary>
    Successful,
}
