namespace Karmada.Controllers.Members;

/// <summary>
/// Keys of a member cluster's credential Secret (the one <c>spec.secretRef</c> names). <c>token</c> and <c>caBundle</c>
/// are upstream's; the client certificate keys carry members whose kubeconfig authenticates with a certificate.
/// </summary>
public static class MemberSecretKeys
{
    /// <summary>The bearer token.</summary>
    public const string Token = "token";

    /// <summary>PEM CA bundle of the member's API server.</summary>
    public const string CABundle = "caBundle";

    /// <summary>PEM client certificate.</summary>
    public const string ClientCertificate = "client-certificate";

    /// <summary>PEM private key of <see cref="ClientCertificate"/>.</summary>
    public const string ClientKey = "client-key";
}
