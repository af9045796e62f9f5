using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace Karmada.Security.Certificates;

/// <summary>
/// The subject alternative names a serving certificate must carry. Always includes <c>localhost</c>,
/// <c>127.0.0.1</c> and <c>::1</c>, so local clients work whatever address the server advertises.
/// </summary>
public sealed class ServingCertificateNames
{
    /// <summary>DNS names every serving certificate carries.</summary>
    public static readonly IReadOnlyList<string> DefaultDnsNames = ["localhost"];

    /// <summary>Addresses every serving certificate carries.</summary>
    public static readonly IReadOnlyList<IPAddress> DefaultIpAddresses = [IPAddress.Loopback, IPAddress.IPv6Loopback];

    private ServingCertificateNames(IReadOnlyList<string> dnsNames, IReadOnlyList<IPAddress> ipAddresses)
    {
        DnsNames = dnsNames;
        IpAddresses = ipAddresses;
    }

    /// <summary>Lower-case DNS names, defaults first, without duplicates.</summary>
    public IReadOnlyList<string> DnsNames { get; }

    /// <summary>IP addresses, defaults first, without duplicates.</summary>
    public IReadOnlyList<IPAddress> IpAddresses { get; }

    /// <summary>
    /// Builds the names from host names and addresses in any mix: each entry that parses as an IP address
    /// (with or without IPv6 brackets) becomes an IP SAN, any other entry a DNS SAN. Empty entries and the
    /// unspecified addresses (<c>0.0.0.0</c>, <c>::</c>), which no client can dial, are skipped.
    /// </summary>
    public static ServingCertificateNames Create(IEnumerable<string?> hostsAndAddresses)
    {
        ArgumentNullException.ThrowIfNull(hostsAndAddresses);

        var dnsNames = new List<string>(DefaultDnsNames);
        var ipAddresses = new List<IPAddress>(DefaultIpAddresses);
        foreach (var entry in hostsAndAddresses)
        {
            var value = entry?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            if (TryParseAddress(value, out var address))
            {
                if (!address.Equals(IPAddress.Any) && !address.Equals(IPAddress.IPv6Any) && !ipAddresses.Contains(address))
                {
                    ipAddresses.Add(address);
                }

                continue;
            }

            var dnsName = value.TrimEnd('.').ToLowerInvariant();
            if (Uri.CheckHostName(dnsName) != UriHostNameType.Dns)
            {
                throw new ArgumentException($"'{value}' is neither an IP address nor a DNS name.", nameof(hostsAndAddresses));
            }

            if (!dnsNames.Contains(dnsName))
            {
                dnsNames.Add(dnsName);
            }
        }

        return new ServingCertificateNames(dnsNames, ipAddresses);
    }

    /// <summary>Lists the names (DNS names and addresses) that <paramref name="certificate"/> does not carry as SANs.</summary>
    public IReadOnlyList<string> FindMissing(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);

        var presentDns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var presentIps = new HashSet<IPAddress>();
        foreach (var extension in certificate.Extensions)
        {
            if (extension is X509SubjectAlternativeNameExtension san)
            {
                presentDns.UnionWith(san.EnumerateDnsNames());
                presentIps.UnionWith(san.EnumerateIPAddresses());
            }
        }

        var missing = new List<string>();
        missing.AddRange(DnsNames.Where(name => !presentDns.Contains(name)));
        missing.AddRange(IpAddresses.Where(address => !presentIps.Contains(address)).Select(address => address.ToString()));
        return missing;
    }

    /// <summary>Builds the subject alternative name extension holding every name.</summary>
    public X509Extension ToExtension()
    {
        var builder = new SubjectAlternativeNameBuilder();
        foreach (var name in DnsNames)
        {
            builder.AddDnsName(name);
        }

        foreach (var address in IpAddresses)
        {
            builder.AddIpAddress(address);
        }

        return builder.Build(critical: false);
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(", ", DnsNames.Concat(IpAddresses.Select(address => address.ToString())));

    private static bool TryParseAddress(string value, out IPAddress address)
    {
        var unbracketed = value.Length > 2 && value[0] == '[' && value[^1] == ']' ? value[1..^1] : value;
        // IPAddress.TryParse also accepts shorthand such as "10" or "1.2"; only dotted quads are IPv4 here, as in Go's net.ParseIP.
        var isDottedQuadOrIPv6 = unbracketed.Contains(':', StringComparison.Ordinal) || unbracketed.Count(c => c == '.') == 3;
        if (isDottedQuadOrIPv6 && IPAddress.TryParse(unbracketed, out var parsed) && !unbracketed.Contains('%', StringComparison.Ordinal))
        {
            // IPv4-mapped IPv6 addresses reach the IPv4 stack; certificates carry them as plain IPv4.
            address = parsed.IsIPv4MappedToIPv6 ? parsed.MapToIPv4() : parsed;
            return true;
        }

        address = IPAddress.None;
        return false;
    }
}
