using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Karmada.Security.Tests.Infrastructure;

/// <summary>Hand-built certificates for the cases the CA under test refuses to produce.</summary>
public static class TestCertificates
{
    /// <summary>A self-signed CA made without the code under test, with its key attached.</summary>
    public static X509Certificate2 CreateCa(string commonName, AsymmetricAlgorithm key)
    {
        var request = CreateRequest($"CN={commonName}", key);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.DigitalSignature, true));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(1));
    }

    /// <summary>A leaf certificate signed by <paramref name="ca"/> with the given subject and extended key usage.</summary>
    public static X509Certificate2 CreateLeaf(X509Certificate2 ca, string subject, Oid? usage, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = CreateRequest(subject, key);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        if (usage is not null)
        {
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([usage], false));
        }

        var now = DateTimeOffset.UtcNow;
        using var certificate = request.Create(ca, notBefore ?? now.AddMinutes(-5), notAfter ?? now.AddDays(30), RandomNumberGenerator.GetBytes(8));
        return certificate.CopyWithPrivateKey(key);
    }

    private static CertificateRequest CreateRequest(string subject, AsymmetricAlgorithm key) => key switch
    {
        ECDsa ecdsa => new CertificateRequest(subject, ecdsa, HashAlgorithmName.SHA256),
        RSA rsa => new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
        _ => throw new ArgumentException("unsupported key", nameof(key)),
    };
}
