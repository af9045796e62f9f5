using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;

namespace Karmada.Security.Certificates;

/// <summary>
/// The Kubernetes reading of a client certificate subject: the common name is the user, each organization a group
/// (kube-apiserver's x509 authenticator, <c>CommonNameUserConversion</c>).
/// </summary>
public static class CertificateSubject
{
    private const string CommonNameOid = "2.5.4.3";

    private const string OrganizationOid = "2.5.4.10";

    /// <summary>Builds <c>O=group1, O=group2, CN=user</c>, the shape kubeadm gives <c>kubernetes-admin</c>.</summary>
    public static X500DistinguishedName Build(string userName, IEnumerable<string> groups)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        ArgumentNullException.ThrowIfNull(groups);

        var groupList = groups.ToList();
        foreach (var group in groupList)
        {
            ArgumentException.ThrowIfNullOrEmpty(group, nameof(groups));
        }

        // The builder encodes RDNs in the reverse of the order they are added (it follows the RFC 4514 string
        // order), so adding CN first and the groups backwards encodes O=group1, O=group2, CN=user, which is the
        // order Go reads the groups in.
        var builder = new X500DistinguishedNameBuilder();
        builder.AddCommonName(userName);
        for (var i = groupList.Count - 1; i >= 0; i--)
        {
            builder.AddOrganizationName(groupList[i]);
        }

        return builder.Build();
    }

    /// <summary>
    /// Reads the common name (the last one, as Go's <c>pkix.Name</c> does) and all organizations, in the order they
    /// are encoded in the certificate (Go's order; .NET's subject strings show them the other way round).
    /// </summary>
    public static (string? CommonName, IReadOnlyList<string> Organizations) Read(X500DistinguishedName subject)
    {
        ArgumentNullException.ThrowIfNull(subject);

        string? commonName = null;
        var organizations = new List<string>();
        foreach (var rdn in subject.EnumerateRelativeDistinguishedNames(reversed: false))
        {
            // Multi-valued RDNs never occur in certificates issued here; Go would read each attribute, but .NET only
            // exposes single-valued ones, so they are skipped rather than half-read.
            if (rdn.HasMultipleElements)
            {
                continue;
            }

            string? value;
            try
            {
                value = rdn.GetSingleElementValue();
            }
            catch (AsnContentException)
            {
                continue;
            }

            if (value is null)
            {
                continue;
            }

            switch (rdn.GetSingleElementType().Value)
            {
                case CommonNameOid:
                    commonName = value;
                    break;
                case OrganizationOid:
                    organizations.Add(value);
                    break;
                default:
                    break;
            }
        }

        return (commonName, organizations);
    }
}
