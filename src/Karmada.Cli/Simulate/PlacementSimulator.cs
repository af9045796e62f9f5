using System.Text.Json.Nodes;
using Karmada.Api;
using Karmada.Api.Config.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Controllers.Detector;
using Karmada.Interpreter;
using Karmada.Policy.Admission;
using Karmada.Scheduler;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;
using PolicyV1Alpha1 = Karmada.Api.Policy.V1Alpha1;

namespace Karmada.Cli.Simulate;

/// <summary>
/// What the scheduler would do with a policy, without writing anything: the binding spec is built exactly as the
/// detector builds it (defaulted policy, interpreted replicas), then <see cref="GenericScheduler"/> runs over the
/// clusters as karmada-scheduler would for a new binding.
/// </summary>
public static class PlacementSimulator
{
    /// <summary>The policy in <paramref name="objects"/> (exactly one) and the templates (every other object).</summary>
    public static (PolicyReference Reference, PolicyV1Alpha1.PropagationSpec Spec, List<JsonObject> Templates) SplitPolicy(IReadOnlyList<JsonObject> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var policies = objects.Where(IsPolicy).ToList();
        if (policies.Count != 1)
        {
            throw new CliException($"simulate needs exactly one PropagationPolicy or ClusterPropagationPolicy among the -f files; found {policies.Count}.");
        }

        var templates = objects.Where(o => !IsPolicy(o)).ToList();
        var policy = policies[0];
        try
        {
            if ((string?)policy["kind"] == PolicyV1Alpha1.PropagationPolicy.KubeKind)
            {
                var typed = KarmadaJson.Deserialize<PolicyV1Alpha1.PropagationPolicy>(policy);
                typed.Metadata.Namespace ??= "default";
                PropagationPolicyDefaulter.ApplySchemaDefaults(typed.Spec);
                PropagationPolicyDefaulter.Default(typed);
                return (PolicyReference.Of(typed), typed.Spec, templates);
            }

            var cluster = KarmadaJson.Deserialize<PolicyV1Alpha1.ClusterPropagationPolicy>(policy);
            PropagationPolicyDefaulter.ApplySchemaDefaults(cluster.Spec);
            PropagationPolicyDefaulter.Default(cluster);
            return (PolicyReference.Of(cluster), cluster.Spec, templates);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new CliException($"the policy is not a valid {(string?)policy["kind"]}: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// A stand-in template for each resource selector, for simulating without a template file: it carries the
    /// selector's identity only (replicas come from <c>--replicas</c>).
    /// </summary>
    public static List<JsonObject> TemplatesFromSelectors(PolicyReference policy, PolicyV1Alpha1.PropagationSpec spec)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(spec);
        var templates = spec.ResourceSelectors.Select(s => new JsonObject
        {
            ["apiVersion"] = s.ApiVersion,
            ["kind"] = s.Kind,
            ["metadata"] = new JsonObject
            {
                ["name"] = string.IsNullOrEmpty(s.Name) ? "simulated" : s.Name,
                ["namespace"] = policy.IsCluster ? s.Namespace : s.Namespace ?? policy.Namespace,
            },
        }).ToList();
        return templates.Count > 0 ? templates : throw new CliException("the policy has no resourceSelectors; pass the template with -f.");
    }

    public static SimulationResult Simulate(
        JsonObject template,
        PolicyReference policy,
        PolicyV1Alpha1.PropagationSpec spec,
        int? replicasOverride,
        IResourceInterpreter interpreter,
        IReadOnlyList<ClusterV1Alpha1.Cluster> clusters)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(interpreter);
        template = (JsonObject)template.DeepClone();
        if (template["metadata"] is not JsonObject metadata || string.IsNullOrEmpty((string?)metadata["name"]) || string.IsNullOrEmpty((string?)template["kind"]))
        {
            throw new CliException("every template needs apiVersion, kind and metadata.name.");
        }

        if (!policy.IsCluster && string.IsNullOrEmpty((string?)metadata["namespace"]))
        {
            metadata["namespace"] = policy.Namespace;
        }

        var kind = GroupVersionKind.Of(template);
        ReplicaResult? replicas = null;
        if (interpreter.HookEnabled(kind, InterpreterOperation.InterpretReplica))
        {
            if (replicasOverride is { } wanted)
            {
                template = interpreter.ReviseReplica(template, wanted);
            }

            try
            {
                replicas = interpreter.GetReplicas(template);
            }
            catch (InterpreterException ex)
            {
                throw new CliException($"cannot read the replicas of {kind} {(string?)metadata["name"]}: {ex.Message}", ex);
            }
        }
        else if (replicasOverride is { } wanted)
        {
            replicas = new ReplicaResult(wanted, null);
        }

        var desired = BindingBuilder.Build(template, policy, spec, replicas, null);
        var outcome = new GenericScheduler().Schedule(desired.Spec, new ResourceBindingStatus(), clusters, ScheduleOptions.Default);
        var diagnoses = outcome.IsScheduled ? outcome.Result.Clusters : outcome.Diagnosis.Clusters;
        var placements = diagnoses
            .OrderBy(d => d.Cluster, StringComparer.Ordinal)
            .Select(d => new ClusterPlacement(d.Cluster, VerdictName(d.Verdict), d.RejectedBy, d.Explanation, d.Score, d.Replicas))
            .ToList();
        return new SimulationResult(
            desired.Metadata.Name ?? "",
            desired.Metadata.Namespace,
            desired.Spec.Replicas,
            outcome.IsScheduled ? outcome.Result.TargetClusters : [],
            outcome.IsScheduled ? null : (outcome.Diagnosis.Failure.ConditionReason, outcome.Diagnosis.Failure.Message),
            placements);
    }

    public static string VerdictName(ClusterVerdict verdict) => verdict switch
    {
        ClusterVerdict.Scheduled => "Fit",
        _ => verdict.ToString(),
    };

    private static bool IsPolicy(JsonObject obj) =>
        (string?)obj["apiVersion"] == PolicyV1Alpha1.PropagationPolicy.KubeApiVersion
        && (string?)obj["kind"] is PolicyV1Alpha1.PropagationPolicy.KubeKind or PolicyV1Alpha1.ClusterPropagationPolicy.KubeKind;
}
