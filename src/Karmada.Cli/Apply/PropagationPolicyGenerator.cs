using System.Text.Json.Nodes;
using Karmada.Api;
using Karmada.Api.Meta;
using PolicyV1Alpha1 = Karmada.Api.Policy.V1Alpha1;

namespace Karmada.Cli.Apply;

/// <summary>
/// The policy <c>karmadactl apply --all-clusters|-C</c> and <c>promote</c> generate for one resource (upstream
/// <c>generatePropagationObject</c> / <c>buildPropagationPolicy</c>): a PropagationPolicy for a namespaced resource,
/// a ClusterPropagationPolicy otherwise, selecting exactly that resource, named by <see cref="PolicyNames"/>.
/// </summary>
public static class PropagationPolicyGenerator
{
    /// <param name="apiVersion">The resource's apiVersion.</param>
    /// <param name="kind">The resource's kind.</param>
    /// <param name="namespace">The resource's namespace; null or empty for cluster-scoped resources.</param>
    /// <param name="name">The resource's name.</param>
    /// <param name="clusters">The target clusters; empty targets every cluster.</param>
    /// <param name="conflictResolution">Set to Overwrite when adopting an existing member object (promote).</param>
    public static JsonObject Generate(string apiVersion, string kind, string? @namespace, string name, IReadOnlyCollection<string> clusters, PolicyV1Alpha1.ConflictResolution? conflictResolution = null)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        var spec = new PolicyV1Alpha1.PropagationSpec
        {
            ResourceSelectors = [new PolicyV1Alpha1.ResourceSelector { ApiVersion = apiVersion, Kind = kind, Name = name, Namespace = string.IsNullOrEmpty(@namespace) ? null : @namespace }],
            Placement = new PolicyV1Alpha1.Placement { ClusterAffinity = new PolicyV1Alpha1.ClusterAffinity { ClusterNames = [.. clusters] } },
        };
        if (conflictResolution is { } resolution)
        {
            spec.ConflictResolution = resolution;
        }

        var policyName = PolicyNames.Generate(@namespace ?? "", name, PolicyNames.GvkString(apiVersion, kind));
        return string.IsNullOrEmpty(@namespace)
            ? (JsonObject)KarmadaJson.SerializeToNode(new PolicyV1Alpha1.ClusterPropagationPolicy { Metadata = new ObjectMeta { Name = policyName }, Spec = spec })!
            : (JsonObject)KarmadaJson.SerializeToNode(new PolicyV1Alpha1.PropagationPolicy { Metadata = new ObjectMeta { Name = policyName, Namespace = @namespace }, Spec = spec })!;
    }
}
