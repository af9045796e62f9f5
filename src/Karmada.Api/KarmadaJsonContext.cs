using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Karmada.Api.Serialization;
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
/// Source-generated JSON metadata for every Karmada kind and list kind (and, transitively, every type they use).
/// Internal on purpose: use <see cref="KarmadaJson"/>, whose resolver adds the Go <c>omitempty</c> semantics on top.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(TimeJsonConverter)])]
[JsonSerializable(typeof(ClusterV1Alpha1.Cluster))]
[JsonSerializable(typeof(ClusterV1Alpha1.ClusterList))]
[JsonSerializable(typeof(PolicyV1Alpha1.PropagationPolicy))]
[JsonSerializable(typeof(PolicyV1Alpha1.PropagationPolicyList))]
[JsonSerializable(typeof(PolicyV1Alpha1.ClusterPropagationPolicy))]
[JsonSerializable(typeof(PolicyV1Alpha1.ClusterPropagationPolicyList))]
[JsonSerializable(typeof(PolicyV1Alpha1.OverridePolicy))]
[JsonSerializable(typeof(PolicyV1Alpha1.OverridePolicyList))]
[JsonSerializable(typeof(PolicyV1Alpha1.ClusterOverridePolicy))]
[JsonSerializable(typeof(PolicyV1Alpha1.ClusterOverridePolicyList))]
[JsonSerializable(typeof(PolicyV1Alpha1.FederatedResourceQuota))]
[JsonSerializable(typeof(PolicyV1Alpha1.FederatedResourceQuotaList))]
[JsonSerializable(typeof(PolicyV1Alpha1.ClusterTaintPolicy))]
[JsonSerializable(typeof(PolicyV1Alpha1.ClusterTaintPolicyList))]
[JsonSerializable(typeof(WorkV1Alpha1.Work))]
[JsonSerializable(typeof(WorkV1Alpha1.WorkList))]
[JsonSerializable(typeof(WorkV1Alpha2.ResourceBinding))]
[JsonSerializable(typeof(WorkV1Alpha2.ResourceBindingList))]
[JsonSerializable(typeof(WorkV1Alpha2.ClusterResourceBinding))]
[JsonSerializable(typeof(WorkV1Alpha2.ClusterResourceBindingList))]
[JsonSerializable(typeof(ConfigV1Alpha1.ResourceInterpreterCustomization))]
[JsonSerializable(typeof(ConfigV1Alpha1.ResourceInterpreterCustomizationList))]
[JsonSerializable(typeof(ConfigV1Alpha1.ResourceInterpreterWebhookConfiguration))]
[JsonSerializable(typeof(ConfigV1Alpha1.ResourceInterpreterWebhookConfigurationList))]
[JsonSerializable(typeof(AutoscalingV1Alpha1.FederatedHPA))]
[JsonSerializable(typeof(AutoscalingV1Alpha1.FederatedHPAList))]
[JsonSerializable(typeof(AutoscalingV1Alpha1.CronFederatedHPA))]
[JsonSerializable(typeof(AutoscalingV1Alpha1.CronFederatedHPAList))]
[JsonSerializable(typeof(AppsV1Alpha1.WorkloadRebalancer))]
[JsonSerializable(typeof(AppsV1Alpha1.WorkloadRebalancerList))]
[JsonSerializable(typeof(NetworkingV1Alpha1.MultiClusterIngress))]
[JsonSerializable(typeof(NetworkingV1Alpha1.MultiClusterIngressList))]
[JsonSerializable(typeof(NetworkingV1Alpha1.MultiClusterService))]
[JsonSerializable(typeof(NetworkingV1Alpha1.MultiClusterServiceList))]
[JsonSerializable(typeof(RemedyV1Alpha1.Remedy))]
[JsonSerializable(typeof(RemedyV1Alpha1.RemedyList))]
[JsonSerializable(typeof(JsonObject))]
// Types that share a simple name across API groups need distinct generated property names.
[JsonSerializable(typeof(Core.Taint), TypeInfoPropertyName = "CoreTaint")]
[JsonSerializable(typeof(List<Core.Taint>), TypeInfoPropertyName = "ListCoreTaint")]
[JsonSerializable(typeof(PolicyV1Alpha1.Taint), TypeInfoPropertyName = "PolicyTaint")]
[JsonSerializable(typeof(List<PolicyV1Alpha1.Taint>), TypeInfoPropertyName = "ListPolicyTaint")]
[JsonSerializable(typeof(PolicyV1Alpha1.ClusterAffinity), TypeInfoPropertyName = "PolicyClusterAffinity")]
[JsonSerializable(typeof(RemedyV1Alpha1.ClusterAffinity), TypeInfoPropertyName = "RemedyClusterAffinity")]
[JsonSerializable(typeof(Core.ObjectReference), TypeInfoPropertyName = "CoreObjectReference")]
[JsonSerializable(typeof(WorkV1Alpha2.ObjectReference), TypeInfoPropertyName = "WorkObjectReference")]
[JsonSerializable(typeof(AppsV1Alpha1.ObjectReference), TypeInfoPropertyName = "AppsObjectReference")]
[JsonSerializable(typeof(List<AppsV1Alpha1.ObjectReference>), TypeInfoPropertyName = "ListAppsObjectReference")]
[JsonSerializable(typeof(WorkV1Alpha1.ResourceHealth), TypeInfoPropertyName = "WorkV1Alpha1ResourceHealth")]
[JsonSerializable(typeof(WorkV1Alpha1.ResourceHealth?), TypeInfoPropertyName = "NullableWorkV1Alpha1ResourceHealth")]
[JsonSerializable(typeof(WorkV1Alpha2.ResourceHealth), TypeInfoPropertyName = "WorkV1Alpha2ResourceHealth")]
[JsonSerializable(typeof(WorkV1Alpha2.ResourceHealth?), TypeInfoPropertyName = "NullableWorkV1Alpha2ResourceHealth")]
[JsonSerializable(typeof(PolicyV1Alpha1.SchedulePriority), TypeInfoPropertyName = "PolicySchedulePriority")]
[JsonSerializable(typeof(WorkV1Alpha2.SchedulePriority), TypeInfoPropertyName = "BindingSchedulePriority")]
[JsonSerializable(typeof(PolicyV1Alpha1.Suspension), TypeInfoPropertyName = "PolicySuspension")]
[JsonSerializable(typeof(WorkV1Alpha2.Suspension), TypeInfoPropertyName = "BindingSuspension")]
internal sealed partial class KarmadaJsonContext : JsonSerializerContext
{
}
