using System.Text.Json.Serialization;
using Karmada.Api.Core;

namespace Karmada.Api.Autoscaling.V1Alpha1;

/// <summary>The desired behavior of a CronFederatedHPA.</summary>
public sealed class CronFederatedHPASpec
{
    /// <summary>The resource to scale: anything with a scale subresource, or a FederatedHPA. Required.</summary>
    [JsonPropertyName("scaleTargetRef")]
    public CrossVersionObjectReference ScaleTargetRef { get; set; } = new();

    /// <summary>The schedules and their scale actions. Required.</summary>
    [JsonPropertyName("rules")]
    public List<CronFederatedHPARule> Rules { get; set; } = [];
}
