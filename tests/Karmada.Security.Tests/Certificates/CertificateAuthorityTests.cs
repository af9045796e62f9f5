using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Karmada.Security.Certificates;
using Karmada.Security.Tests.Infrastructure;
using Karmada.Testing;

namespace Karmada.Security.Tests.Certificates;

public sealed class CertificateAuthorityTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _temp = new("karmada-ca");
    private readonly ManualTimeProvider _clock = new(Start);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task LoadOrCreateAsync_EmptyDirectory_CreatesTenYearSelfSignedEcdsaCaWithOwnerOnlyKey()
    {
        using var ca = await CertificateAuthority.LoadOrCreateAsync(_temp.Path, _clock, CancellationToken.None);

        Assert.True(ca.WasCreated);
        var certificate = ca.Certificate;
        Assert.False(certificate.HasPrivateKey);
        Assert.Equal(certificate.Subject, certificate.Issuer);
        Assert.Equal("CN=karmada-ca", certificate.Subject);
        Assert.True(Assert.Single(certificate.Extensions.OfType<X509BasicConstraintsExtension>()).CertificateAuthority);
        Assert.True(Assert.Single(certificate.Extensions.OfType<X509KeyUsageExtension>()).KeyUsages.HasFlag(X509KeyUsageFlags.KeyCertSign));
        using var publicKey = certificate.GetECDsaPublicKey();
        Assert.Equal(256, publicKey?.KeySize);
        Assert.Equal(TimeSpan.FromDays(3650), certificate.NotAfter.ToUniversalTime() - Start.UtcDateTime);
        Assert.True(ChainVerifier.Verify(certificate, certificate, usage: null, Start, out var error), error);

        var certificatePath = Path.Combine(_temp.Path, "ca.crt");
        var keyPath = Path.Combine(_temp.Path, "ca.key");
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", await File.ReadAllTextAsync(certificatePath), StringComparison.Ordinal);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", await File.ReadAllTextAsync(keyPath), StringComparison.Ordinal);
        FileModes.AssertMode(FileModes.OwnerOnly, keyPath);
        FileModes.AssertMode(FileModes.WorldReadable, certificatePath);
    }

    [Fact]
    public async Task LoadOrCreateAsync_SecondCall_LoadsTheSameCaWhichStillSigns()
    {
        using var first = await CertificateAuthority.LoadOrCreateAsync(_temp.Path, _clock, CancellationToken.None);
        using var second = await CertificateAuthority.LoadOrCreateAsync(_temp.Path, _clock, CancellationToken.None);

        Assert.False(second.WasCreated);
        Assert.Equal(first.Certificate.Thumbprint, second.Certificate.Thumbprint);
        using var issued = second.IssueClientCertificate("alice", []);
        Assert.True(first.HasIssued(issued.Certificate));
    }

    [Theory]
    [InlineData("ca.crt")]
    [InlineData("ca.key")]
    public async Task LoadOrCreateAsync_OnlyOneFilePresent_RefusesToReplaceTheCa(string survivor)
    {
        using (await CertificateAuthority.LoadOrCreateAsync(_temp.Path, _clock, CancellationToken.None))
        {
        }

        File.Delete(Path.Combine(_temp.Path, survivor == "ca.crt" ? "ca.key" : "ca.crt"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => CertificateAuthority.LoadOrCreateAsync(_temp.Path, _clock, CancellationToken.None));
        Assert.Contains(survivor, error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_temp.Path, survivor)));
    }

    [Fact]
    public void FromPem_KeyOfAnotherCa_Throws()
    {
        using var one = CertificateAuthority.Create();
        using var other = CertificateAuthority.Create();
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.ThrowsAny<CryptographicException>(() => CertificateAuthority.FromPem(one.CertificatePem, otherKey.ExportPkcs8PrivateKeyPem()));
    }

    [Fact]
    public void FromPem_LeafCertificate_IsNotAcceptedAsCa()
    {
        using var ca = CertificateAuthority.Create();
        using var leaf = ca.IssueClientCertificate("alice", []);

        Assert.ThrowsAny<CryptographicException>(() => CertificateAuthority.FromPem(leaf.CertificatePem, leaf.PrivateKeyPem));
    }

    [Theory]
    [InlineData("pkcs8")]
    [InlineData("pkcs1")]
    public void FromPem_ExistingRsaCa_IssuesCertificatesThatVerify(string keyFormat)
    {
        using var rsa = RSA.Create(2048);
        using var external = TestCertificates.CreateCa("kubernetes", rsa);
        var keyPem = keyFormat == "pkcs1" ? rsa.ExportRSAPrivateKeyPem() : rsa.ExportPkcs8PrivateKeyPem();

        using var ca = CertificateAuthority.FromPem(external.ExportCertificatePem(), keyPem);
        using var issued = ca.IssueServingCertificate("server", ServingCertificateNames.Create([]));

        Assert.True(ChainVerifier.Verify(issued.Certificate, external, ChainVerifier.ServerAuthentication, DateTimeOffset.UtcNow, out var error), error);
    }

    [Fact]
    public void FromPem_Sec1EcKey_IsAccepted()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var external = TestCertificates.CreateCa("sec1", key);

        using var ca = CertificateAuthority.FromPem(external.ExportCertificatePem(), key.ExportECPrivateKeyPem());

        Assert.Equal(external.Thumbprint, ca.Certificate.Thumbprint);
    }

    [Fact]
    public void IssueServingCertificate_CarriesNamesAndServerAuthAndChainsToCa()
    {
        using var ca = CertificateAuthority.Create(timeProvider: _clock);
        var names = ServingCertificateNames.Create(["10.1.2.3", "api.example.com"]);

        using var issued = ca.IssueServingCertificate("karmada-apiserver", names);

        var certificate = issued.Certificate;
        Assert.True(certificate.HasPrivateKey);
        Assert.Equal("CN=karmada-apiserver", certificate.Subject);
        Assert.Empty(names.FindMissing(certificate));
        Assert.True(ChainVerifier.Verify(certificate, ca.Certificate, ChainVerifier.ServerAuthentication, Start, out var error), error);
        Assert.False(ChainVerifier.Verify(certificate, ca.Certificate, ChainVerifier.ClientAuthentication, Start, out _));
        Assert.False(Assert.Single(certificate.Extensions.OfType<X509BasicConstraintsExtension>()).CertificateAuthority);
        Assert.Equal(TimeSpan.FromDays(365), certificate.NotAfter.ToUniversalTime() - Start.UtcDateTime);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", issued.PrivateKeyPem, StringComparison.Ordinal);
    }

    [Fact]
    public void IssueClientCertificate_SubjectIsGroupsThenUser_AndAllowsClientAuthOnly()
    {
        using var ca = CertificateAuthority.Create(timeProvider: _clock);

        using var issued = ca.IssueClientCertificate("kubernetes-admin", ["system:masters", "team-a"]);

        Assert.Equal("CN=kubernetes-admin, O=team-a, O=system:masters", issued.Certificate.Subject);
        var (user, groups) = CertificateSubject.Read(issued.Certificate.SubjectName);
        Assert.Equal("kubernetes-admin", user);
        Assert.Equal(["system:masters", "team-a"], groups);
        Assert.True(ChainVerifier.Verify(issued.Certificate, ca.Certificate, ChainVerifier.ClientAuthentication, Start, out var error), error);
        Assert.False(ChainVerifier.Verify(issued.Certificate, ca.Certificate, ChainVerifier.ServerAuthentication, Start, out _));
    }

    [Fact]
    public void Issue_CaNearItsOwnExpiry_ClampsToTheCasNotAfter()
    {
        using var ca = CertificateAuthority.Create(timeProvider: _clock);
        _clock.Advance(TimeSpan.FromDays(3600));

        using var issued = ca.IssueClientCertificate("alice", []);

        Assert.Equal(ca.Certificate.NotAfter, issued.Certificate.NotAfter);
    }

    [Fact]
    public void HasIssued_CertificateOfAnotherCa_IsFalse()
    {
        using var ca = CertificateAuthority.Create();
        using var other = CertificateAuthority.Create();
        using var foreign = other.IssueClientCertificate("alice", []);

        Assert.False(ca.HasIssued(foreign.Certificate));
    }

    [Fact]
    public async Task EnsureServingCertificateAsync_ReusesAFitCertificateAndReissuesForEveryProblem()
    {
        using var ca = CertificateAuthority.Create(timeProvider: _clock);
        var certificatePath = Path.Combine(_temp.Path, "server.crt");
        var keyPath = Path.Combine(_temp.Path, "server.key");
        var names = ServingCertificateNames.Create(["10.0.0.1"]);

        async Task<EnsuredCertificate> EnsureAsync(CertificateAuthority authority, ServingCertificateNames wanted) =>
            await authority.EnsureServingCertificateAsync(certificatePath, keyPath, "server", wanted, CancellationToken.None);

        using var created = (await EnsureAsync(ca, names)).Certificate;
        var reused = await EnsureAsync(ca, names);
        using var reusedCertificate = reused.Certificate;
        Assert.False(reused.WasIssued);
        Assert.Equal(created.Certificate.Thumbprint, reused.Certificate.Certificate.Thumbprint);
        Assert.True(reused.Certificate.Certificate.HasPrivateKey);
        FileModes.AssertMode(FileModes.OwnerOnly, keyPath);

        var widened = await EnsureAsync(ca, ServingCertificateNames.Create(["10.0.0.1", "api.example.com"]));
        using var widenedCertificate = widened.Certificate;
        Assert.Contains("does not cover api.example.com", widened.IssueReason, StringComparison.Ordinal);

        // Fewer names than the certificate has is fine: no churn when a name is dropped.
        Assert.False((await EnsureAsync(ca, names)).WasIssued);

        _clock.Advance(TimeSpan.FromDays(300));
        var renewed = await EnsureAsync(ca, names);
        using var renewedCertificate = renewed.Certificate;
        Assert.Contains("expires", renewed.IssueReason, StringComparison.Ordinal);

        using var otherCa = CertificateAuthority.Create(timeProvider: _clock);
        var resigned = await EnsureAsync(otherCa, names);
        using var resignedCertificate = resigned.Certificate;
        Assert.Contains("not issued by the current CA", resigned.IssueReason, StringComparison.Ordinal);
        Assert.True(otherCa.HasIssued(resigned.Certificate.Certificate));

        await File.WriteAllTextAsync(keyPath, "-----BEGIN PRIVATE KEY-----\ngarbage\n-----END PRIVATE KEY-----\n");
        var repaired = await EnsureAsync(otherCa, names);
        using var repairedCertificate = repaired.Certificate;
        Assert.Contains("unusable", repaired.IssueReason, StringComparison.Ordinal);
        Assert.False((await EnsureAsync(otherCa, names)).WasIssued);

        using var strangerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await File.WriteAllTextAsync(keyPath, strangerKey.ExportPkcs8PrivateKeyPem());
        var rekeyed = await EnsureAsync(otherCa, names);
        using var rekeyedCertificate = rekeyed.Certificate;
        Assert.Contains("unusable", rekeyed.IssueReason, StringComparison.Ordinal);
        Assert.True(rekeyed.Certificate.Certificate.HasPrivateKey);
    }

    [Fact]
    public async Task EnsureClientCertificateAsync_OtherGroups_Reissues()
    {
        using var ca = CertificateAuthority.Create(timeProvider: _clock);
        var certificatePath = Path.Combine(_temp.Path, "admin.crt");
        var keyPath = Path.Combine(_temp.Path, "admin.key");

        var first = await ca.EnsureClientCertificateAsync(certificatePath, keyPath, "kubernetes-admin", ["system:masters"], CancellationToken.None);
        var same = await ca.EnsureClientCertificateAsync(certificatePath, keyPath, "kubernetes-admin", ["system:masters"], CancellationToken.None);
        var regrouped = await ca.EnsureClientCertificateAsync(certificatePath, keyPath, "kubernetes-admin", ["admins"], CancellationToken.None);

        Assert.True(first.WasIssued);
        Assert.False(same.WasIssued);
        Assert.Contains("not user \"kubernetes-admin\" in groups [admins]", regrouped.IssueReason, StringComparison.Ordinal);
        Assert.Equal(["admins"], CertificateSubject.Read(regrouped.Certificate.Certificate.SubjectName).Organizations);
        first.Certificate.Dispose();
        same.Certificate.Dispose();
        regrouped.Certificate.Dispose();
    }

    [Fact]
    public async Task IssuedCertificate_SaveAndLoad_RoundTripsWithKey()
    {
        using var ca = CertificateAuthority.Create();
        using var issued = ca.IssueClientCertificate("alice", ["devs"]);
        var certificatePath = Path.Combine(_temp.Path, "alice.crt");
        var keyPath = Path.Combine(_temp.Path, "alice.key");

        await issued.SaveAsync(certificatePath, keyPath, CancellationToken.None);
        using var loaded = await IssuedCertificate.TryLoadAsync(certificatePath, keyPath, CancellationToken.None);

        Assert.NotNull(loaded);
        Assert.Equal(issued.Certificate.Thumbprint, loaded.Certificate.Thumbprint);
        Assert.True(loaded.Certificate.HasPrivateKey);
        Assert.Equal(issued.PrivateKeyPem, loaded.PrivateKeyPem);
        Assert.Null(await IssuedCertificate.TryLoadAsync(certificatePath, Path.Combine(_temp.Path, "missing.key"), CancellationToken.None));
    }
}
