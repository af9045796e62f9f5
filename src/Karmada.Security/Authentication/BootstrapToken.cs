using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Karmada.Security.Authentication;

/// <summary>
/// Bootstrap tokens as kubeadm defines them (<c>k8s.io/cluster-bootstrap</c>): <c>&lt;id&gt;.&lt;secret&gt;</c> with a 6-character
/// public id and a 16-character secret, stored in Secret <c>kube-system/bootstrap-token-&lt;id&gt;</c> of type
/// <c>bootstrap.kubernetes.io/token</c>. A token authenticates as <c>system:bootstrap:&lt;id&gt;</c> in group
/// <c>system:bootstrappers</c> (plus the Secret's <c>auth-extra-groups</c>) while it is unexpired and allowed for
/// authentication.
/// </summary>
public static partial class BootstrapToken
{
    /// <summary>Namespace of the token Secrets.</summary>
    public const string SecretNamespace = "kube-system";

    /// <summary>Prefix of a token Secret's name; the token id follows.</summary>
    public const string SecretNamePrefix = "bootstrap-token-";

    /// <summary>The Secret type.</summary>
    public const string SecretType = "bootstrap.kubernetes.io/token";

    /// <summary>Data key: the public id.</summary>
    public const string TokenIdKey = "token-id";

    /// <summary>Data key: the secret half.</summary>
    public const string TokenSecretKey = "token-secret";

    /// <summary>Data key: RFC 3339 expiry; absent means never.</summary>
    public const string ExpirationKey = "expiration";

    /// <summary>Data key: a human description.</summary>
    public const string DescriptionKey = "description";

    /// <summary>Data key: "true" when the token may authenticate to the API server.</summary>
    public const string UsageAuthenticationKey = "usage-bootstrap-authentication";

    /// <summary>Data key: "true" when the token may sign the cluster-info ConfigMap.</summary>
    public const string UsageSigningKey = "usage-bootstrap-signing";

    /// <summary>Data key: comma-separated extra groups, each starting with <see cref="GroupPrefix"/>.</summary>
    public const string ExtraGroupsKey = "auth-extra-groups";

    /// <summary>The group of every bootstrap-token user.</summary>
    public const string Group = "system:bootstrappers";

    /// <summary>Prefix extra groups must carry.</summary>
    public const string GroupPrefix = "system:bootstrappers:";

    /// <summary>Prefix of the user name; the token id follows.</summary>
    public const string UserPrefix = "system:bootstrap:";

    /// <summary>Extra group karmadactl gives its tokens (upstream's <c>system:bootstrappers:karmada:default-cluster-token</c>).</summary>
    public const string KarmadaDefaultGroup = "system:bootstrappers:karmada:default-cluster-token";

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>Splits <c>id.secret</c>; false when the text is not a bootstrap token.</summary>
    public static bool TryParse(string? token, out string id, out string secret)
    {
        var match = token is null ? null : TokenPattern().Match(token);
        if (match is null || !match.Success)
        {
            (id, secret) = ("", "");
            return false;
        }

        (id, secret) = (match.Groups[1].Value, match.Groups[2].Value);
        return true;
    }

    /// <summary>A fresh random token.</summary>
    public static string Generate() => $"{RandomString(6)}.{RandomString(16)}";

    /// <summary>The Secret name of a token id.</summary>
    public static string SecretName(string tokenId) => SecretNamePrefix + tokenId;

    /// <summary>
    /// The user a token stands for, given the data of the Secret named after its id; null when the Secret does not
    /// vouch for it (wrong type or secret, expired, being deleted, not for authentication, bad extra groups), as kube's
    /// bootstrap token authenticator decides.
    /// </summary>
    public static UserInfo? Authenticate(string token, string? secretType, IReadOnlyDictionary<string, string> data, bool deleting, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!TryParse(token, out var id, out var secret) || secretType != SecretType || deleting)
        {
            return null;
        }

        if (!data.TryGetValue(TokenIdKey, out var storedId) || storedId != id
            || !data.TryGetValue(TokenSecretKey, out var storedSecret)
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(storedSecret), Encoding.UTF8.GetBytes(secret)))
        {
            return null;
        }

        if (IsExpired(data, now) || !data.TryGetValue(UsageAuthenticationKey, out var usage) || usage != "true")
        {
            return null;
        }

        var groups = new List<string> { Group };
        if (data.TryGetValue(ExtraGroupsKey, out var extra))
        {
            foreach (var group in extra.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!group.StartsWith(GroupPrefix, StringComparison.Ordinal))
                {
                    return null;
                }

                if (!groups.Contains(group))
                {
                    groups.Add(group);
                }
            }
        }

        return new UserInfo(UserPrefix + id, string.Empty, groups);
    }

    /// <summary>Whether the Secret's <c>expiration</c> has passed (an unparsable one counts as expired).</summary>
    public static bool IsExpired(IReadOnlyDictionary<string, string> data, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!data.TryGetValue(ExpirationKey, out var text) || string.IsNullOrEmpty(text))
        {
            return false;
        }

        return !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expiry) || expiry <= now;
    }

    /// <summary>
    /// kubeadm's <c>--discovery-token-ca-cert-hash</c> of a CA: <c>sha256:</c> plus the hex SHA-256 of its DER
    /// SubjectPublicKeyInfo.
    /// </summary>
    public static string CaCertHash(System.Security.Cryptography.X509Certificates.X509Certificate2 ca)
    {
        ArgumentNullException.ThrowIfNull(ca);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(ca.PublicKey.ExportSubjectPublicKeyInfo()));
    }

    private static string RandomString(int length) =>
        string.Create(length, 0, (chars, _) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
            }
        });

    [GeneratedRegex("^([a-z0-9]{6})\\.([a-z0-9]{16})$", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();
}
