using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>Whether a policy preempts resources claimed by lower-priority policies.</summary>
[JsonConverter(typeof(StrictEnumConverter<PreemptionBehavior>))]
public enum PreemptionBehavior
{
    /// <summary>Preemption is allowed.</summary>
    Always,

    /// <summary>The policy never preempts resources.</summary>
    Never,
}
