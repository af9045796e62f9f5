using System.Text.Json.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>Suspends aspects of propagation.</summary>
public class Suspension
{
    /// <summary>Suspends dispatching to all clusters when true; nil means not suspended. Cannot be combined with dispatchingOnClusters.</summary>
    [JsonPropertyName("dispatching")]
    public bool? Dispatching { get; set; }

    /// <summary>Clusters to which dispatching is suspended. Cannot be combined with dispatching.</summary>
    [JsonPropertyName("dispatchingOnClusters")]
    public SuspendClusters? DispatchingOnClusters { get; set; }
}
