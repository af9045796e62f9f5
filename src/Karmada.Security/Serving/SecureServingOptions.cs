namespace Karmada.Security.Serving;

/// <summary>What <see cref="SecureServingBootstrap.EnsureAsync(SecureServingOptions, Microsoft.Extensions.Logging.ILogger?, CancellationToken)"/> prepares.</summary>
public sealed class SecureServingOptions
{
    /// <summary>The name of the control plane's API server, used unless another is given.</summary>
    public const string DefaultName = "karmada-apiserver";

    /// <summary>The directory holding the CA, certificates, token file and kubeconfig. Created when missing.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>
    /// The server's name: the serving certificate's common name and file prefix (<c>NAME-serving.crt</c>) and the
    /// cluster, user and context name in the kubeconfig. Servers sharing a data directory (the API server and
    /// simulated members) share the CA, admin credentials and tokens, and need distinct names.
    /// </summary>
    public string Name { get; init; } = DefaultName;

    /// <summary>
    /// The host name or IP address clients use to reach the server: added to the serving certificate and used in
    /// the kubeconfig's server URL. Null or an unspecified address (<c>0.0.0.0</c>, <c>::</c>) means 127.0.0.1.
    /// </summary>
    public string? AdvertiseAddress { get; init; }

    /// <summary>The HTTPS port, for the kubeconfig's server URL; 0 when not known yet (then no kubeconfig is written).</summary>
    public int Port { get; init; }

    /// <summary>
    /// The kubeconfig file to write inside <see cref="DataDirectory"/> (<c>karmada-apiserver.config</c>,
    /// <c>NAME.config</c> for members), with the administrator's client certificate; null writes none.
    /// </summary>
    public string? KubeconfigFileName { get; init; }

    /// <summary>More DNS names or addresses for the serving certificate, beyond localhost, the loopbacks and the advertise address.</summary>
    public IReadOnlyList<string> AdditionalNames { get; init; } = [];

    /// <summary>The clock for certificate validity; the system clock unless a test sets another.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
