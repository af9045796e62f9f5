using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Karmada.Security.IO;

namespace Karmada.Security.Certificates;

/// <summary>A certificate with its private key, both as a usable <see cref="X509Certificate2"/> and as PEM text.</summary>
public sealed class IssuedCertificate : IDisposable
{
    private IssuedCertificate(X509Certificate2 certificate, string certificatePem, string privateKeyPem)
    {
        Certificate = certificate;
        CertificatePem = certificatePem;
        PrivateKeyPem = privateKeyPem;
    }

    /// <summary>The certificate with its private key attached, ready for Kestrel or an HTTP client.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The certificate as a PEM <c>CERTIFICATE</c> block.</summary>
    public string CertificatePem { get; }

    /// <summary>The private key as a PEM block (PKCS#8 <c>PRIVATE KEY</c> for keys issued here).</summary>
    public string PrivateKeyPem { get; }

    /// <summary>Builds the pair from PEM text; the key must belong to the certificate.</summary>
    /// <exception cref="CryptographicException">The PEM text is malformed or the key does not match.</exception>
    public static IssuedCertificate FromPem(string certificatePem, string privateKeyPem)
    {
        ArgumentException.ThrowIfNullOrEmpty(certificatePem);
        ArgumentException.ThrowIfNullOrEmpty(privateKeyPem);

        X509Certificate2 pair;
        try
        {
            pair = X509Certificate2.CreateFromPem(certificatePem, privateKeyPem);
        }
        catch (ArgumentException ex)
        {
            // CreateFromPem reports a key of another certificate as an argument error; to callers it is bad key material.
            throw new CryptographicException($"The private key does not belong to the certificate: {ex.Message}", ex);
        }

        return new IssuedCertificate(UsableBySslStream(pair), NormalizePem(certificatePem), NormalizePem(privateKeyPem));
    }

    /// <summary>Reads a certificate and key pair from two PEM files; null when either file is missing.</summary>
    /// <exception cref="CryptographicException">A file is malformed or the key does not match.</exception>
    public static async Task<IssuedCertificate?> TryLoadAsync(string certificatePath, string privateKeyPath, CancellationToken cancellationToken)
    {
        if (!File.Exists(certificatePath) || !File.Exists(privateKeyPath))
        {
            return null;
        }

        var certificatePem = await File.ReadAllTextAsync(certificatePath, cancellationToken);
        var privateKeyPem = await File.ReadAllTextAsync(privateKeyPath, cancellationToken);
        return FromPem(certificatePem, privateKeyPem);
    }

    /// <summary>Writes the certificate (mode 0644) and the key (mode 0600) as PEM files.</summary>
    public async Task SaveAsync(string certificatePath, string privateKeyPath, CancellationToken cancellationToken)
    {
        // Key first: a reader that finds the new certificate also finds its key.
        await SecureFile.WriteAllTextAsync(privateKeyPath, PrivateKeyPem, secret: true, cancellationToken);
        await SecureFile.WriteAllTextAsync(certificatePath, CertificatePem, secret: false, cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose() => Certificate.Dispose();

    internal static IssuedCertificate Create(X509Certificate2 certificateWithKey, AsymmetricAlgorithm key)
    {
        var certificatePem = certificateWithKey.ExportCertificatePem() + "\n";
        var privateKeyPem = key.ExportPkcs8PrivateKeyPem() + "\n";
        return new IssuedCertificate(UsableBySslStream(certificateWithKey), certificatePem, privateKeyPem);
    }

    /// <summary>Takes ownership of <paramref name="certificate"/> and returns a certificate SslStream can serve with.</summary>
    private static X509Certificate2 UsableBySslStream(X509Certificate2 certificate)
    {
        // SslStream on Windows cannot use the ephemeral keys that CreateFromPem and CopyWithPrivateKey produce;
        // a PKCS#12 round trip gives it a usable one. Elsewhere the certificate is fine as it is.
        if (!OperatingSystem.IsWindows())
        {
            return certificate;
        }

        using (certificate)
        {
            return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), password: null);
        }
    }

    private static string NormalizePem(string pem) => pem.EndsWith('\n') ? pem : pem + "\n";
}
