using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Karmada.Security.Certificates;

/// <summary>
/// Verifies that a certificate chains to one given root and nothing else: the operating system's trust store,
/// revocation lists and certificate downloads are all out of play (what Go's <c>x509.Verify</c> with a custom
/// root pool does in kube-apiserver).
/// </summary>
public static class ChainVerifier
{
    /// <summary>Extended key usage OID for TLS server authentication.</summary>
    public static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1", "Server Authentication");

    /// <summary>Extended key usage OID for TLS client authentication.</summary>
    public static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2", "Client Authentication");

    /// <summary>Checks <paramref name="certificate"/> against <paramref name="root"/>.</summary>
    /// <param name="certificate">The leaf certificate to verify.</param>
    /// <param name="root">The only trusted root.</param>
    /// <param name="usage">An extended key usage the chain must allow, or null for any.</param>
    /// <param name="verificationTime">The time the chain must be valid at, or null to ignore validity periods.</param>
    /// <param name="error">Why verification failed; null on success.</param>
    /// <returns>True when the chain is valid.</returns>
    public static bool Verify(X509Certificate2 certificate, X509Certificate2 root, Oid? usage, DateTimeOffset? verificationTime, out string? error)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(root);

        using var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.CustomTrustStore.Add(root);
        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.DisableCertificateDownloads = true;
        if (usage is not null)
        {
            policy.ApplicationPolicy.Add(usage);
        }

        if (verificationTime is { } time)
        {
            policy.VerificationTimeIgnored = false;
            policy.VerificationTime = time.UtcDateTime;
        }
        else
        {
            policy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid | X509VerificationFlags.IgnoreCtlNotTimeValid;
        }

        try
        {
            if (!chain.Build(certificate))
            {
                var reasons = chain.ChainStatus
                    .Where(status => status.Status != X509ChainStatusFlags.NoError)
                    .Select(status => string.IsNullOrWhiteSpace(status.StatusInformation) ? status.Status.ToString() : status.StatusInformation.Trim());
                error = $"certificate \"{certificate.Subject}\" does not verify against CA \"{root.Subject}\": {string.Join("; ", reasons)}";
                return false;
            }

            // CustomRootTrust already confines trust to the custom store; comparing the anchor keeps this true even if
            // a caller later adds more roots to the policy.
            var anchor = chain.ChainElements[^1].Certificate;
            if (!anchor.RawDataMemory.Span.SequenceEqual(root.RawDataMemory.Span))
            {
                error = $"certificate \"{certificate.Subject}\" chains to \"{anchor.Subject}\", not to CA \"{root.Subject}\"";
                return false;
            }

            error = null;
            return true;
        }
        finally
        {
            foreach (var element in chain.ChainElements)
            {
                if (!ReferenceEquals(element.Certificate, certificate) && !ReferenceEquals(element.Certificate, root))
                {
                    element.Certificate.Dispose();
                }
            }
        }
    }
}
