using System.Text.Json.Serialization;

namespace Karmada.Api.Work.V1Alpha1;

/// <summary>The desired state of a Work.</summary>
public sealed class WorkSpec
{
    /// <summary>The manifests to deploy on the member cluster.</summary>
    [JsonPropertyName("workload")]
    public WorkloadTemplate Workload { get; set; } = new();

    /// <summary>Stops propagating to the member cluster when true (status is still collected); nil means not suspended.</summary>
    [JsonPropertyName("suspendDispatching")]
    public bool? SuspendDispatching { get; set; }

    /// <summary>Keep the resources on the member cluster when the Work is deleted. Defaults to false.</summary>
    [JsonPropertyName("preserveResourcesOnDeletion")]
    public bool? PreserveResourcesOnDeletion { get; set; }
}
