using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using Karmada.Client;
using Karmada.Client.Informers;
using Microsoft.Extensions.Logging;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Controllers.Members;

/// <summary>
/// The cache behind <see cref="IMemberClusterClients"/>. The credential Secret is read on every call so a rotated
/// credential takes effect at once, but from a Secret informer scoped to the Secret's namespace (a GET per call cost
/// the execution and work-status controllers one control-plane request per reconcile); a Secret the informer has not
/// seen yet (just created with its Cluster) is read directly. The client is only rebuilt when the Secret's
/// resourceVersion, the endpoint or the TLS setting changed.
/// </summary>
public sealed class MemberClusterClients : IMemberClusterClients, IDisposable
{
    private readonly KubeApiClient _controlPlane;
    private readonly InformerFactory? _informers;
    private readonly ControllerManagerOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ConcurrentDictionary<string, ClientEntry> _clients = new(StringComparer.Ordinal);

    /// <param name="controlPlane">The control-plane client the Secrets are read with.</param>
    /// <param name="options">The manager's options (the member request timeout).</param>
    /// <param name="timeProvider">Clock of the member clients.</param>
    /// <param name="loggerFactory">Loggers of the member clients.</param>
    /// <param name="informers">The process's informer factory for cached Secret reads; null reads every time.</param>
    public MemberClusterClients(KubeApiClient controlPlane, ControllerManagerOptions options, TimeProvider timeProvider, ILoggerFactory loggerFactory, InformerFactory? informers = null)
    {
        _controlPlane = controlPlane;
        _informers = informers;
        _options = options;
        _timeProvider = timeProvider;
        _loggerFactory = loggerFactory;
    }

    public async Task<KubeApiClient> GetAsync(ClusterV1Alpha1.Cluster cluster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var name = cluster.Metadata.Name ?? throw new ArgumentException("The cluster has no name.", nameof(cluster));
        var endpoint = cluster.Spec.ApiEndpoint;
        if (string.IsNullOrEmpty(endpoint))
        {
            throw new MemberClusterConfigurationException($"Cluster {name} has no spec.apiEndpoint.");
        }

        if (cluster.Spec.SecretRef is not { Name.Length: > 0 } secretRef)
        {
            throw new MemberClusterConfigurationException($"Cluster {name} has no spec.secretRef with the member credentials.");
        }

        var secret = await CachedSecretAsync(secretRef.Namespace, secretRef.Name, cancellationToken);
        if (secret is null)
        {
            try
            {
                secret = await _controlPlane.GetAsync(ResourceRef.Secrets, secretRef.Namespace, secretRef.Name, cancellationToken);
            }
            catch (ApiException ex) when (ex.IsNotFound())
            {
                throw new MemberClusterConfigurationException($"Cluster {name}: the Secret {secretRef.Namespace}/{secretRef.Name} named by spec.secretRef does not exist.", ex);
            }
        }

        // The informer hands out the same Secret instance until the Secret changes, so the common case is answered
        // by reference without formatting the fingerprint (the execution and workStatus controllers ask per reconcile).
        if (_clients.TryGetValue(name, out var cached)
            && ReferenceEquals(cached.Secret, secret)
            && cached.Endpoint == endpoint
            && cached.Insecure == cluster.Spec.InsecureSkipTlsVerification)
        {
            return cached.Client;
        }

        var fingerprint = $"{endpoint}|{cluster.Spec.InsecureSkipTlsVerification}|{JsonObjectMeta.GetUid(secret)}|{JsonObjectMeta.GetResourceVersion(secret)}";
        if (cached.Client is not null && cached.Fingerprint == fingerprint)
        {
            // Same credentials in a new Secret instance (an informer resync or a direct read): remember the instance.
            _clients.TryUpdate(name, cached with { Secret = secret }, cached);
            return cached.Client;
        }

        var configuration = CreateConfiguration(name, endpoint, ReadSecretData(secret), cluster.Spec.InsecureSkipTlsVerification);
        var client = new KubeApiClient(
            configuration,
            new KubeApiClientOptions { RequestTimeout = _options.ClusterApiTimeout, UserAgent = "karmada-controller-manager" },
            _timeProvider,
            _loggerFactory.CreateLogger<KubeApiClient>());
        return Publish(name, new ClientEntry(fingerprint, endpoint, cluster.Spec.InsecureSkipTlsVerification, secret, client));
    }

    /// <summary>
    /// Caches a newly built client unless another worker published one for the same credentials first, in which case
    /// that one is returned and ours dropped: several workers meeting a new member at once used to each replace the
    /// client, and every replacement restarted the member's informers (bound to the client) mid-listing.
    /// </summary>
    private KubeApiClient Publish(string name, ClientEntry entry)
    {
        var (fingerprint, client) = (entry.Fingerprint, entry.Client);
        while (true)
        {
            if (_clients.TryGetValue(name, out var current))
            {
                if (current.Fingerprint == fingerprint)
                {
                    client.Dispose();
                    return current.Client;
                }

                // The replaced client may still serve an in-flight call of another worker; it is left to the GC.
                if (_clients.TryUpdate(name, entry, current))
                {
                    return client;
                }
            }
            else if (_clients.TryAdd(name, entry))
            {
                return client;
            }
        }
    }

    private async Task<JsonObject?> CachedSecretAsync(string? ns, string name, CancellationToken cancellationToken)
    {
        if (_informers is null)
        {
            return null;
        }

        var secrets = _informers.GetInformer(ResourceRef.Secrets, new InformerScope(ns));
        if (!secrets.HasSynced)
        {
            await secrets.WaitForCacheSyncAsync(cancellationToken);
        }

        return secrets.Indexer.Get(new ObjectKey(ns, name));
    }

    public void Remove(string clusterName)
    {
        if (_clients.TryRemove(clusterName, out var entry))
        {
            entry.Client.Dispose();
        }
    }

    public void Dispose()
    {
        foreach (var entry in _clients.Values)
        {
            entry.Client.Dispose();
        }

        _clients.Clear();
    }

    /// <summary>Builds the client configuration of a member from its endpoint and credential Secret data.</summary>
    public static KubernetesClientConfiguration CreateConfiguration(string clusterName, string endpoint, IReadOnlyDictionary<string, byte[]> data, bool insecureSkipTlsVerify)
    {
        ArgumentNullException.ThrowIfNull(data);
        var host = endpoint.Contains("://", StringComparison.Ordinal) ? endpoint : "https://" + endpoint;
        if (!Uri.TryCreate(host, UriKind.Absolute, out _))
        {
            throw new MemberClusterConfigurationException($"Cluster {clusterName}: spec.apiEndpoint '{endpoint}' is not a URL.");
        }

        var configuration = new KubernetesClientConfiguration { Host = host, SkipTlsVerify = insecureSkipTlsVerify };
        if (data.TryGetValue(MemberSecretKeys.Token, out var token) && token.Length > 0)
        {
            configuration.AccessToken = Encoding.UTF8.GetString(token).Trim();
        }

        if (data.TryGetValue(MemberSecretKeys.ClientCertificate, out var certificate) && certificate.Length > 0
            && data.TryGetValue(MemberSecretKeys.ClientKey, out var key) && key.Length > 0)
        {
            configuration.ClientCertificateData = Convert.ToBase64String(certificate);
            configuration.ClientCertificateKeyData = Convert.ToBase64String(key);
        }

        if (configuration.AccessToken is null && configuration.ClientCertificateData is null)
        {
            throw new MemberClusterConfigurationException(
                $"Cluster {clusterName}: the credential Secret has neither '{MemberSecretKeys.Token}' nor '{MemberSecretKeys.ClientCertificate}'/'{MemberSecretKeys.ClientKey}'.");
        }

        if (!insecureSkipTlsVerify && data.TryGetValue(MemberSecretKeys.CABundle, out var caBundle) && caBundle.Length > 0)
        {
            var certificates = new X509Certificate2Collection();
            try
            {
                certificates.ImportFromPem(Encoding.UTF8.GetString(caBundle));
            }
            catch (System.Security.Cryptography.CryptographicException ex)
            {
                throw new MemberClusterConfigurationException($"Cluster {clusterName}: '{MemberSecretKeys.CABundle}' is not a PEM certificate bundle.", ex);
            }

            configuration.SslCaCerts = certificates;
        }

        return configuration;
    }

    /// <summary>Decodes a Secret's <c>data</c> (base64) and <c>stringData</c> into bytes per key.</summary>
    public static Dictionary<string, byte[]> ReadSecretData(JsonObject secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var result = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (secret["data"] is JsonObject data)
        {
            foreach (var (key, value) in data)
            {
                if (value is JsonValue text && text.TryGetValue<string>(out var base64))
                {
                    result[key] = Convert.FromBase64String(base64);
                }
            }
        }

        if (secret["stringData"] is JsonObject stringData)
        {
            foreach (var (key, value) in stringData)
            {
                if (value is JsonValue text && text.TryGetValue<string>(out var plain))
                {
                    result[key] = Encoding.UTF8.GetBytes(plain);
                }
            }
        }

        return result;
    }

    /// <summary>A cached member client and what it was built from (the Secret instance for the by-reference check).</summary>
    private readonly record struct ClientEntry(string Fingerprint, string Endpoint, bool Insecure, JsonObject Secret, KubeApiClient Client);
}
