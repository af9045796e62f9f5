using System.Text.Json.Nodes;
using k8s;
using Karmada.Api.WellKnown;
using Karmada.Cli;
using Karmada.Client;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Host.Up;

/// <summary>What <see cref="SimulatedMemberRegistration.EnsureAsync"/> had to do.</summary>
public enum RegistrationOutcome
{
    /// <summary>The Cluster did not exist: joined in Push mode.</summary>
    Joined,

    /// <summary>The Cluster existed; its endpoint, topology or credentials were brought up to date.</summary>
    Updated,

    /// <summary>The Cluster existed and matched.</summary>
    Unchanged,
}

/// <summary>
/// Joins a simulated member in Push mode through <see cref="ClusterJoiner"/> (as <c>karmadactl join</c> does) the
/// first time, and on later starts keeps the existing Cluster pointing at the member (its port may have moved) with the
/// member's current credentials, instead of joining again.
/// </summary>
public static class SimulatedMemberRegistration
{
    public static async Task<RegistrationOutcome> EnsureAsync(
        KubeApiClient controlPlane, SimulatedMemberPlan plan, string memberKubeconfig, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(controlPlane);
        ArgumentNullException.ThrowIfNull(plan);
        var memberConfiguration = await KubernetesClientConfiguration.BuildConfigFromConfigFileAsync(new FileInfo(memberKubeconfig));
        var desired = SimulatedMemberCluster.From(plan, memberConfiguration.Host);

        ClusterV1Alpha1.Cluster? existing;
        try
        {
            existing = await controlPlane.GetAsync(ClusterResources.Clusters, null, plan.Name, ClusterResources.ClusterType, cancellationToken);
        }
        catch (ApiException ex) when (ex.IsNotFound())
        {
            existing = null;
        }

        if (existing is null)
        {
            using var member = new KubeApiClient(memberConfiguration, new KubeApiClientOptions { UserAgent = "karmada-up" });
            var joined = await ClusterJoiner.JoinAsync(controlPlane, plan.Name, memberConfiguration, member, cancellationToken);

            // The joiner sets what karmadactl join sets without --cluster-provider/--cluster-region/--cluster-zones.
            await PatchSpecAsync(controlPlane, desired, joined, cancellationToken);
            return RegistrationOutcome.Joined;
        }

        if (!desired.CanAdopt(existing, out var reason))
        {
            throw new UpException($"{reason}; unjoin it (karmadactl unjoin {plan.Name}) or start fewer simulated members with --members.");
        }

        var specChanged = await PatchSpecAsync(controlPlane, desired, existing, cancellationToken);
        var secretChanged = await EnsureCredentialsAsync(controlPlane, existing, ClusterJoiner.CredentialData(memberConfiguration), cancellationToken);
        return specChanged || secretChanged ? RegistrationOutcome.Updated : RegistrationOutcome.Unchanged;
    }

    private static async Task<bool> PatchSpecAsync(
        KubeApiClient controlPlane, SimulatedMemberCluster desired, ClusterV1Alpha1.Cluster current, CancellationToken cancellationToken)
    {
        if (desired.SpecPatch(current) is not { } patch)
        {
            return false;
        }

        await controlPlane.PatchAsync(ClusterResources.Clusters, null, desired.Name, PatchType.Merge, patch, cancellationToken: cancellationToken);
        return true;
    }

    /// <summary>Rewrites the Cluster's credential Secret when it is missing or holds other credentials than the member's kubeconfig.</summary>
    private static async Task<bool> EnsureCredentialsAsync(
        KubeApiClient controlPlane, ClusterV1Alpha1.Cluster cluster, Dictionary<string, byte[]> credentials, CancellationToken cancellationToken)
    {
        var secretNamespace = cluster.Spec.SecretRef?.Namespace ?? ReservedNamespaces.KarmadaCluster;
        var secretName = cluster.Spec.SecretRef?.Name ?? cluster.Metadata.Name ?? "";
        var data = new JsonObject(credentials.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)Convert.ToBase64String(kv.Value))));
        JsonObject? secret;
        try
        {
            secret = await controlPlane.GetAsync(ResourceRef.Secrets, secretNamespace, secretName, cancellationToken);
        }
        catch (ApiException ex) when (ex.IsNotFound())
        {
            secret = null;
        }

        if (secret is null)
        {
            await controlPlane.CreateAsync(ResourceRef.Secrets, new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Secret",
                ["metadata"] = new JsonObject
                {
                    ["name"] = secretName,
                    ["namespace"] = secretNamespace,
                    ["ownerReferences"] = new JsonArray(new JsonObject
                    {
                        ["apiVersion"] = ClusterV1Alpha1.Cluster.KubeApiVersion,
                        ["kind"] = ClusterV1Alpha1.Cluster.KubeKind,
                        ["name"] = cluster.Metadata.Name,
                        ["uid"] = cluster.Metadata.Uid,
                    }),
                },
                ["type"] = "Opaque",
                ["data"] = data,
            }, cancellationToken: cancellationToken);
            return true;
        }

        if (JsonNode.DeepEquals(secret["data"], data))
        {
            return false;
        }

        // A merge patch keeps keys it does not mention, so drop stale ones (a token replaced by a certificate) explicitly.
        var patchData = (JsonObject)data.DeepClone();
        if (secret["data"] is JsonObject stored)
        {
            foreach (var (key, _) in stored)
            {
                if (!patchData.ContainsKey(key))
                {
                    patchData[key] = null;
                }
            }
        }

        await controlPlane.PatchAsync(
            ResourceRef.Secrets, secretNamespace, secretName, PatchType.Merge, new JsonObject { ["data"] = patchData }, cancellationToken: cancellationToken);
        return true;
    }
}
