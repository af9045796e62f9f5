using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Karmada.Security.Authentication;
using Karmada.Security.Certificates;
using Karmada.Security.IO;
using Karmada.Security.Kubeconfigs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Karmada.Security.Serving;

/// <summary>
/// One call that prepares a server's security from its data directory: the CA (<c>ca.crt</c>, <c>ca.key</c>), the
/// serving certificate (<c>NAME-serving.crt/.key</c>, re-issued when it misses a name, nears expiry or was signed
/// by another CA), the administrator's client certificate (<c>admin.crt/.key</c>), the static token file with the
/// administrator's token (<c>tokens.csv</c>) and, if asked, the administrator's kubeconfig. Everything found in the
/// directory is reused, so a restart keeps the CA, certificates, token and thus every kubeconfig handed out.
/// </summary>
public static partial class SecureServingBootstrap
{
    /// <summary>The administrator's client certificate file.</summary>
    public const string AdminCertificateFileName = "admin.crt";

    /// <summary>The administrator's client key file.</summary>
    public const string AdminKeyFileName = "admin.key";

    /// <summary>The groups of the administrator.</summary>
    public static readonly IReadOnlyList<string> AdminGroups = [UserInfo.MastersGroup];

    // Long enough for a slow disk, short enough that a stuck holder is reported rather than waited on forever.
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Prepares <paramref name="dataDirectory"/> for a server named <c>karmada-apiserver</c> reachable at
    /// <paramref name="advertiseAddress"/>:<paramref name="port"/>, writing the kubeconfig
    /// <paramref name="kubeconfigFileName"/> there.
    /// </summary>
    public static Task<SecureServingMaterial> EnsureAsync(
        string dataDirectory, string? advertiseAddress, int port, string? kubeconfigFileName, ILogger? logger, CancellationToken cancellationToken) =>
        EnsureAsync(
            new SecureServingOptions
            {
                DataDirectory = dataDirectory,
                AdvertiseAddress = advertiseAddress,
                Port = port,
                KubeconfigFileName = kubeconfigFileName,
            },
            logger,
            cancellationToken);

    /// <summary>Prepares the data directory as <paramref name="options"/> say; see the type's summary.</summary>
    public static async Task<SecureServingMaterial> EnsureAsync(SecureServingOptions options, ILogger? logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.DataDirectory);
        ArgumentException.ThrowIfNullOrEmpty(options.Name);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, IPEndPoint.MaxPort);
        if (options.KubeconfigFileName is not null && options.Port == 0)
        {
            throw new ArgumentException("A kubeconfig needs the server's port; pass the port or write the kubeconfig once it is known.", nameof(options));
        }

        logger ??= NullLogger.Instance;
        var directory = Path.GetFullPath(options.DataDirectory);
        CreatePrivateDirectory(directory);
        var names = ServingCertificateNames.Create([options.AdvertiseAddress, .. options.AdditionalNames]);
        var serverUrl = BuildServerUrl(options.AdvertiseAddress, options.Port);

        await using var directoryLock = await DirectoryLock.AcquireAsync(directory, LockTimeout, options.TimeProvider, cancellationToken);

        var ca = await CertificateAuthority.LoadOrCreateAsync(directory, options.TimeProvider, cancellationToken);
        IssuedCertificate? serving = null;
        IssuedCertificate? admin = null;
        StaticTokenFile? tokens = null;
        try
        {
            if (ca.WasCreated)
            {
                LogCaCreated(logger, Path.Combine(directory, CertificateAuthority.CertificateFileName));
            }

            var servingResult = await ca.EnsureServingCertificateAsync(
                Path.Combine(directory, $"{options.Name}-serving.crt"),
                Path.Combine(directory, $"{options.Name}-serving.key"),
                options.Name,
                names,
                cancellationToken);
            serving = servingResult.Certificate;
            if (servingResult.IssueReason is { } servingReason)
            {
                LogCertificateIssued(logger, "serving", names.ToString(), servingReason);
            }

            var adminResult = await ca.EnsureClientCertificateAsync(
                Path.Combine(directory, AdminCertificateFileName),
                Path.Combine(directory, AdminKeyFileName),
                UserInfo.AdminUserName,
                AdminGroups,
                cancellationToken);
            admin = adminResult.Certificate;
            if (adminResult.IssueReason is { } adminReason)
            {
                LogCertificateIssued(logger, "admin client", UserInfo.AdminUserName, adminReason);
            }

            tokens = await StaticTokenFile.LoadAsync(Path.Combine(directory, StaticTokenFile.DefaultFileName), cancellationToken);
            var adminToken = tokens.FindByUser(UserInfo.AdminUserName);
            if (adminToken is null)
            {
                adminToken = new StaticToken(
                    StaticTokenFile.GenerateToken(),
                    new UserInfo(UserInfo.AdminUserName, Guid.NewGuid().ToString(), AdminGroups));
                await tokens.AddAsync(adminToken, cancellationToken);
                LogAdminTokenCreated(logger, tokens.FilePath);
            }

            string? kubeconfigPath = null;
            if (options.KubeconfigFileName is not null)
            {
                kubeconfigPath = Path.Combine(directory, options.KubeconfigFileName);

                // Rewritten on every start: the port or advertise address may have changed, and the admin
                // certificate may have been re-issued.
                await KubeconfigWriter.WriteAdminAsync(
                    kubeconfigPath, options.Name, serverUrl, ca.CertificatePem, admin.CertificatePem, admin.PrivateKeyPem, cancellationToken);
                LogKubeconfigWritten(logger, kubeconfigPath, serverUrl);
            }

            return new SecureServingMaterial(options.Name, ca, serving, admin, tokens, adminToken.Token, serverUrl, kubeconfigPath);
        }
        catch
        {
            serving?.Dispose();
            admin?.Dispose();
            tokens?.Dispose();
            ca.Dispose();
            throw;
        }
    }

    /// <summary>
    /// <c>https://HOST:PORT</c> for an advertise address: IPv6 literals bracketed, and 127.0.0.1 when the address is
    /// missing or unspecified (a listener on all interfaces is reachable on loopback).
    /// </summary>
    public static string BuildServerUrl(string? advertiseAddress, int port)
    {
        var host = advertiseAddress?.Trim().Trim('[', ']');
        if (string.IsNullOrEmpty(host))
        {
            host = IPAddress.Loopback.ToString();
        }
        else if (IPAddress.TryParse(host, out var address))
        {
            if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
            {
                host = IPAddress.Loopback.ToString();
            }
            else if (address.AddressFamily == AddressFamily.InterNetworkV6)
            {
                host = $"[{address}]";
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"https://{host}:{port}");
    }

    private static void CreatePrivateDirectory(string directory)
    {
        if (Directory.Exists(directory))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            // The directory holds keys and tokens: owner-only, like a fresh ~/.kube.
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    // Event ids 7001-7099 belong to Karmada.Security; next free id: 7014.
    [LoggerMessage(7010, LogLevel.Information, "Created a new certificate authority at {Path}")]
    private static partial void LogCaCreated(ILogger logger, string path);

    [LoggerMessage(7011, LogLevel.Information, "Issued a new {Kind} certificate for {Names} because {Reason}")]
    private static partial void LogCertificateIssued(ILogger logger, string kind, string names, string reason);

    [LoggerMessage(7012, LogLevel.Information, "Generated the administrator's bearer token in {Path}")]
    private static partial void LogAdminTokenCreated(ILogger logger, string path);

    [LoggerMessage(7013, LogLevel.Information, "Wrote the administrator's kubeconfig {Path} for {ServerUrl}")]
    private static partial void LogKubeconfigWritten(ILogger logger, string path, string serverUrl);
}
