using System.Text.Json.Serialization;

namespace Karmada.Api.Work.V1Alpha2;

/// <summary>Suspends dispatching and scheduling of a binding (the policy Suspension fields are inlined).</summary>
public sealed class Suspension : Karmada.Api.Policy.V1Alpha1.Suspension
{
    /// <summary>Pauses scheduling of the binding when true; resumes when false or nil. Meant to be set at creation by third-party admission.</summary>
    [JsonPropertyName("scheduling")]
    [JsonPropertyOrder(1)]
    public bool? Scheduling { get; set; }
}
