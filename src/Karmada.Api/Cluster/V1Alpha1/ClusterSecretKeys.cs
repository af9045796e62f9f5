namespace Karmada.Api.Cluster.V1Alpha1;

/// <summary>Keys of the Secrets referenced by <see cref="ClusterSpec.SecretRef"/> and <see cref="ClusterSpec.ImpersonatorSecretRef"/>.</summary>
public static class ClusterSecretKeys
{
    /// <summary>The bearer token.</summary>
    public const string Token = "token";

    /// <summary>The CA bundle of the member cluster's API server.</summary>
    public const string CABundle = "caBundle";
}
