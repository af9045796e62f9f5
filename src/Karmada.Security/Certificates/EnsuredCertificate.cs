namespace Karmada.Security.Certificates;

/// <summary>The outcome of making sure a certificate on disk is fit for use.</summary>
/// <param name="Certificate">The certificate in use now, loaded or newly issued.</param>
/// <param name="IssueReason">Why a new certificate was issued (and written), or null when the existing one was reused.</param>
public sealed record EnsuredCertificate(IssuedCertificate Certificate, string? IssueReason)
{
    /// <summary>True when the certificate was issued (and written) by this call.</summary>
    public bool WasIssued => IssueReason is not null;
}
