using System.Runtime.CompilerServices;
using System.Security.Cryptography.X509Certificates;
using Karmada.Security.Certificates;

namespace Karmada.Security.Authentication;

/// <summary>
/// kube-apiserver's x509 authenticator: a client certificate that chains to the client CA, allows client
/// authentication and is valid now names the user (CN) and the groups (O).
/// </summary>
public sealed class ClientCertificateAuthenticator
{
    private readonly X509Certificate2 _clientCa;
    private readonly TimeProvider _timeProvider;

    // A connection presents the same certificate object on every request; verifying the chain once per connection
    // instead of per request keeps authentication off the hot path. Entries die with their connection. Only
    // acceptances are cached: a rejection may be about time (not yet valid), which a later request can outgrow.
    private readonly ConditionalWeakTable<X509Certificate2, Accepted> _accepted = [];

    /// <summary>Creates the authenticator.</summary>
    /// <param name="clientCa">The only CA whose certificates are accepted (public part suffices).</param>
    /// <param name="timeProvider">Clock for validity checks; the system clock when null.</param>
    public ClientCertificateAuthenticator(X509Certificate2 clientCa, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(clientCa);

        _clientCa = clientCa;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Resolves the user of <paramref name="certificate"/>, or null with the reason in <paramref name="error"/>.</summary>
    public UserInfo? Authenticate(X509Certificate2 certificate, out string? error)
    {
        ArgumentNullException.ThrowIfNull(certificate);

        var now = _timeProvider.GetUtcNow();
        if (_accepted.TryGetValue(certificate, out var cached) && now <= cached.ValidUntil)
        {
            error = null;
            return cached.User;
        }

        if (!ChainVerifier.Verify(certificate, _clientCa, ChainVerifier.ClientAuthentication, now, out error))
        {
            return null;
        }

        var (commonName, organizations) = CertificateSubject.Read(certificate.SubjectName);
        if (string.IsNullOrEmpty(commonName))
        {
            error = $"client certificate \"{certificate.Subject}\" has an empty common name";
            return null;
        }

        var user = new UserInfo(commonName, string.Empty, organizations);
        _accepted.AddOrUpdate(certificate, new Accepted(user, new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero)));
        return user;
    }

    // The chain was verified at a time before ValidUntil; past it the certificate has expired and must be re-checked.
    private sealed record Accepted(UserInfo User, DateTimeOffset ValidUntil);
}
