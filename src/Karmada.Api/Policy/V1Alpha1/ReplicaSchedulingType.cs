using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>How the replicas of a resource are scheduled.</summary>
[JsonConverter(typeof(StrictEnumConverter<ReplicaSchedulingType>))]
public enum ReplicaSchedulingType
{
    /// <summary>Each candidate cluster gets the full replica count.</summary>
    Duplicated,

    /// <summary>The replicas are divided among candidate clusters as per ReplicaDivisionPreference.</summary>
    Divided,
}
