using System.Text;
using System.Text.Json.Nodes;
using k8s;
using Karmada.Api.Meta;
using Karmada.Api.WellKnown;
using Karmada.Client;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Cli;

/// <summary>
/// Push registration (upstream <c>karmadactl join</c>): prepares the member (namespace <c>karmada-cluster</c>, service
/// account <c>karmada-&lt;name&gt;</c>), stores the member credentials in Secret <c>karmada-cluster/&lt;name&gt;</c> of the
/// control plane and creates the <c>Cluster</c> (syncMode Push) that owns the Secret. The credentials are the member
/// kubeconfig's own: its bearer token, or its client certificate and key, plus the CA bundle.
/// </summary>
public static class ClusterJoiner
{
    public const string TokenKey = "token";
    public const string CABundleKey = "caBundle";
    public const string ClientCertificateKey = "client-certificate";
    public const string ClientKeyKey = "client-key";

    public static async Task<ClusterV1Alpha1.Cluster> JoinAsync(
        KubeApiClient controlPlane,
        string name,
        KubernetesClientConfiguration memberConfiguration,
        KubeApiClient member,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(controlPlane);
        ArgumentNullException.ThrowIfNull(memberConfiguration);
        ArgumentNullException.ThrowIfNull(member);
        ValidateName(name);
        var data = CredentialData(memberConfiguration);

        // The existence check (control plane) and the member's preparation (idempotent creates) are independent: run
        // them together so the Cluster exists one round trip sooner.
        var joined = IsJoinedAsync(controlPlane, name, cancellationToken);
        var prepared = PrepareMemberAsync(member, name, cancellationToken);
        if (await joined)
        {
            try
            {
                await prepared;
            }
            catch (Exception ex) when (ex is ApiException or HttpRequestException or IOException or TimeoutException)
            {
                // Already joined: that is the error to report, not the member's.
            }

            throw new CliException($"Cluster '{name}' is already joined; run 'karmadactl unjoin {name}' first or pick another name.");
        }

        await prepared;

        var secret = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ReservedNamespaces.KarmadaCluster },
            ["type"] = "Opaque",
            ["data"] = new JsonObject(data.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)Convert.ToBase64String(kv.Value)))),
        };
        try
        {
            await controlPlane.CreateAsync(ResourceRef.Secrets, secret, cancellationToken: cancellationToken);
        }
        catch (ApiException ex) when (ex.IsAlreadyExists())
        {
            // A leftover of an earlier join: replace its credentials.
            await controlPlane.PatchAsync(ResourceRef.Secrets, ReservedNamespaces.KarmadaCluster, name, PatchType.Merge, new JsonObject { ["data"] = secret["data"]!.DeepClone() }, cancellationToken: cancellationToken);
        }

        var cluster = new ClusterV1Alpha1.Cluster
        {
            Metadata = new ObjectMeta { Name = name },
            Spec = new ClusterV1Alpha1.ClusterSpec
            {
                SyncMode = ClusterV1Alpha1.ClusterSyncMode.Push,
                ApiEndpoint = memberConfiguration.Host,
                SecretRef = new ClusterV1Alpha1.LocalSecretReference { Namespace = ReservedNamespaces.KarmadaCluster, Name = name },
                InsecureSkipTlsVerification = memberConfiguration.SkipTlsVerify,
            },
        };
        var created = await controlPlane.CreateAsync(ClusterResources.Clusters, null, cluster, ClusterResources.ClusterType, cancellationToken: cancellationToken);

        // The Secret belongs to the Cluster: unjoin (deleting the Cluster) garbage-collects it.
        var owner = new JsonObject
        {
            ["apiVersion"] = ClusterV1Alpha1.Cluster.KubeApiVersion,
            ["kind"] = ClusterV1Alpha1.Cluster.KubeKind,
            ["name"] = name,
            ["uid"] = created.Metadata.Uid,
        };
        await controlPlane.PatchAsync(
            ResourceRef.Secrets,
            ReservedNamespaces.KarmadaCluster,
            name,
            PatchType.Merge,
            new JsonObject { ["metadata"] = new JsonObject { ["ownerReferences"] = new JsonArray(owner) } },
            cancellationToken: cancellationToken);
        return created;
    }

    /// <summary>The credential Secret's data for a member kubeconfig; throws when it has no storable credential.</summary>
    public static Dictionary<string, byte[]> CredentialData(KubernetesClientConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var data = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(configuration.AccessToken))
        {
            data[TokenKey] = Encoding.UTF8.GetBytes(configuration.AccessToken);
        }

        var certificate = ReadPem(configuration.ClientCertificateData, configuration.ClientCertificateFilePath);
        var key = ReadPem(configuration.ClientCertificateKeyData, configuration.ClientKeyFilePath);
        if (certificate is not null && key is not null)
        {
            data[ClientCertificateKey] = Encoding.UTF8.GetBytes(certificate);
            data[ClientKeyKey] = Encoding.UTF8.GetBytes(key);
        }

        if (data.Count == 0)
        {
            throw new CliException("The member kubeconfig has neither a bearer token nor a client certificate and key; join needs one of them (exec and auth-provider credentials cannot be stored).");
        }

        if (configuration.SslCaCerts is { Count: > 0 } caCerts)
        {
            var pem = new StringBuilder();
            foreach (var ca in caCerts)
            {
                pem.Append(ca.ExportCertificatePem()).Append('\n');
            }

            data[CABundleKey] = Encoding.UTF8.GetBytes(pem.ToString());
        }

        return data;
    }

    /// <summary>Upstream's rule: a DNS-1123 label of at most 48 characters, so <c>karmada-es-&lt;name&gt;</c> still fits.</summary>
    public static void ValidateName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 48 || !System.Text.RegularExpressions.Regex.IsMatch(name, "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"))
        {
            throw new CliException($"Cluster name '{name}' is invalid: use at most 48 lower-case letters, digits and '-', starting and ending with a letter or digit.");
        }
    }

    private static async Task<bool> IsJoinedAsync(KubeApiClient controlPlane, string name, CancellationToken cancellationToken)
    {
        try
        {
            await controlPlane.GetAsync(ClusterResources.Clusters, null, name, cancellationToken);
            return true;
        }
        catch (ApiException ex) when (ex.IsNotFound())
        {
            return false;
        }
    }

    /// <summary>Namespace <c>karmada-cluster</c> and service account <c>karmada-&lt;name&gt;</c> on the member.</summary>
    private static async Task PrepareMemberAsync(KubeApiClient member, string name, CancellationToken cancellationToken)
    {
        await CreateIfMissingAsync(member, ResourceRef.Namespaces, new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Namespace",
            ["metadata"] = new JsonObject
            {
                ["name"] = ReservedNamespaces.KarmadaCluster,
                ["labels"] = new JsonObject { [WellKnownLabels.System] = WellKnownLabelValues.True },
            },
        }, cancellationToken);
        await CreateIfMissingAsync(member, ClusterResources.ServiceAccounts, new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ServiceAccount",
            ["metadata"] = new JsonObject { ["name"] = $"karmada-{name}", ["namespace"] = ReservedNamespaces.KarmadaCluster },
        }, cancellationToken);
    }

    private static async Task CreateIfMissingAsync(KubeApiClient client, ResourceRef resource, JsonObject obj, CancellationToken cancellationToken)
    {
        try
        {
            await client.CreateAsync(resource, obj, cancellationToken: cancellationToken);
        }
        catch (ApiException ex) when (ex.IsAlreadyExists())
        {
            // Prepared by an earlier join.
        }
    }

    private static string? ReadPem(string? base64Data, string? filePath)
    {
        if (!string.IsNullOrWhiteSpace(base64Data))
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64Data));
        }

        return string.IsNullOrWhiteSpace(filePath) ? null : File.ReadAllText(filePath);
    }
}
