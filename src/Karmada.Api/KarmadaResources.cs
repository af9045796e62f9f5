using System.Reflection;
using Karmada.Api.Meta;
using AppsV1Alpha1 = Karmada.Api.Apps.V1Alpha1;
using AutoscalingV1Alpha1 = Karmada.Api.Autoscaling.V1Alpha1;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;
using ConfigV1Alpha1 = Karmada.Api.Config.V1Alpha1;
using NetworkingV1Alpha1 = Karmada.Api.Networking.V1Alpha1;
using PolicyV1Alpha1 = Karmada.Api.Policy.V1Alpha1;
using RemedyV1Alpha1 = Karmada.Api.Remedy.V1Alpha1;
using WorkV1Alpha1 = Karmada.Api.Work.V1Alpha1;
using WorkV1Alpha2 = Karmada.Api.Work.V1Alpha2;

namespace Karmada.Api;

/// <summary>
/// The table of every Karmada resource served by the control plane, built from the <see cref="KarmadaResourceAttribute"/>
/// and <see cref="KarmadaPrinterColumnAttribute"/> declarations on the kinds. It drives discovery, REST routing,
/// table printing and clients from one place.
/// </summary>
public static class KarmadaResources
{
    /// <summary>Every resource, grouped by API group.</summary>
    public static IReadOnlyList<KarmadaResourceDescriptor> All { get; } =
    [
        Describe<ClusterV1Alpha1.Cluster, ClusterV1Alpha1.ClusterList>(),
        Describe<PolicyV1Alpha1.PropagationPolicy, PolicyV1Alpha1.PropagationPolicyList>(),
        Describe<PolicyV1Alpha1.ClusterPropagationPolicy, PolicyV1Alpha1.ClusterPropagationPolicyList>(),
        Describe<PolicyV1Alpha1.OverridePolicy, PolicyV1Alpha1.OverridePolicyList>(),
        Describe<PolicyV1Alpha1.ClusterOverridePolicy, PolicyV1Alpha1.ClusterOverridePolicyList>(),
        Describe<PolicyV1Alpha1.FederatedResourceQuota, PolicyV1Alpha1.FederatedResourceQuotaList>(),
        Describe<PolicyV1Alpha1.ClusterTaintPolicy, PolicyV1Alpha1.ClusterTaintPolicyList>(),
        Describe<WorkV1Alpha1.Work, WorkV1Alpha1.WorkList>(),
        Describe<WorkV1Alpha2.ResourceBinding, WorkV1Alpha2.ResourceBindingList>(),
        Describe<WorkV1Alpha2.ClusterResourceBinding, WorkV1Alpha2.ClusterResourceBindingList>(),
        Describe<ConfigV1Alpha1.ResourceInterpreterCustomization, ConfigV1Alpha1.ResourceInterpreterCustomizationList>(),
        Describe<ConfigV1Alpha1.ResourceInterpreterWebhookConfiguration, ConfigV1Alpha1.ResourceInterpreterWebhookConfigurationList>(),
        Describe<AutoscalingV1Alpha1.FederatedHPA, AutoscalingV1Alpha1.FederatedHPAList>(),
        Describe<AutoscalingV1Alpha1.CronFederatedHPA, AutoscalingV1Alpha1.CronFederatedHPAList>(),
        Describe<AppsV1Alpha1.WorkloadRebalancer, AppsV1Alpha1.WorkloadRebalancerList>(),
        Describe<NetworkingV1Alpha1.MultiClusterIngress, NetworkingV1Alpha1.MultiClusterIngressList>(),
        Describe<NetworkingV1Alpha1.MultiClusterService, NetworkingV1Alpha1.MultiClusterServiceList>(),
        Describe<RemedyV1Alpha1.Remedy, RemedyV1Alpha1.RemedyList>(),
    ];

    /// <summary>The resource served at <paramref name="group"/>/<paramref name="version"/>/<paramref name="plural"/>, or null.</summary>
    public static KarmadaResourceDescriptor? Find(string group, string version, string plural) =>
        All.FirstOrDefault(r => r.Group == group && r.Version == version && r.Plural == plural);

    /// <summary>The resource of kind <paramref name="kind"/> in <paramref name="apiVersion"/> (<c>group/version</c>), or null.</summary>
    public static KarmadaResourceDescriptor? FindByKind(string apiVersion, string kind) =>
        All.FirstOrDefault(r => r.ApiVersion == apiVersion && r.Kind == kind);

    /// <summary>The resource whose kind (or list kind) is the CLR type <paramref name="type"/>, or null.</summary>
    public static KarmadaResourceDescriptor? FindByType(Type type) =>
        All.FirstOrDefault(r => r.Type == type || r.ListType == type);

    /// <summary>The resource of the CLR kind <typeparamref name="T"/>.</summary>
    public static KarmadaResourceDescriptor For<T>()
        where T : IKubernetesObject =>
        FindByType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T)} is not a Karmada resource kind");

    private static KarmadaResourceDescriptor Describe<TKind, TList>()
        where TKind : IKubernetesObject
        where TList : IKubernetesObjectList<TKind>
    {
        var type = typeof(TKind);
        var resource = type.GetCustomAttribute<KarmadaResourceAttribute>()
            ?? throw new InvalidOperationException($"{type} has no [KarmadaResource]");
        return new KarmadaResourceDescriptor
        {
            Group = resource.Group,
            Version = resource.Version,
            Kind = resource.Kind,
            Plural = resource.Plural,
            Singular = resource.Singular ?? resource.Kind.ToLowerInvariant(),
            Namespaced = resource.Namespaced,
            ShortNames = [.. resource.ShortNames],
            Categories = [.. resource.Categories],
            HasStatus = resource.HasStatus,
            PrinterColumns =
            [
                .. type.GetCustomAttributes<KarmadaPrinterColumnAttribute>()
                    .Select(c => new PrinterColumn(c.Name, c.Type, c.JsonPath, c.Priority, c.Description, c.Format)),
            ],
            Type = type,
            ListType = typeof(TList),
        };
    }
}
