using System.Text.Json.Serialization;
using Karmada.Api.Serialization;

namespace Karmada.Api.Policy.V1Alpha1;

/// <summary>How to deal with the legacy application on the cluster the application is migrated from.</summary>
[JsonConverter(typeof(StrictEnumConverter<PurgeMode>))]
public enum PurgeMode
{
    /// <summary>Evict the legacy application directly, for applications that cannot tolerate two instances at once.</summary>
    Directly,

    /// <summary>Wait until the application is healthy on the new cluster, or a timeout, before evicting.</summary>
    Gracefully,

    /// <summary>Never evict; users clean up redundant copies themselves.</summary>
    Never,

    /// <summary>Deprecated spelling of Directly, still accepted.</summary>
    Immediately,

    /// <summary>Deprecated spelling of Gracefully, still accepted.</summary>
    Graciously,
}
