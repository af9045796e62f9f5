using Karmada.Api.Core;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Policy.Json;

namespace Karmada.Policy.Admission;

/// <summary>The shared rules of upstream <c>pkg/util/validation/validation.go</c> for propagation and override specs.</summary>
internal static class PolicySpecValidation
{
    private static readonly string[] SupportedTolerationOperators = ["Equal", "Exists"];
    private static readonly string[] SupportedTolerationEffects = ["NoSchedule", "PreferNoSchedule", "NoExecute", "PreferNoExecute"];
    private static readonly string[] SupportedClusterPurgeModes = ["Directly", "Gracefully"];

    public static List<FieldError> ValidatePropagationSpec(PropagationSpec spec)
    {
        var spec_ = FieldPath.Root("spec");
        var errors = new List<FieldError>();
        errors.AddRange(ValidatePlacement(spec.Placement, spec_.Child("placement")));
        if (spec.Failover?.Application is not null && !spec.PropagateDeps)
        {
            errors.Add(spec_.Child("propagateDeps").Invalid(spec.PropagateDeps, "application failover is set, propagateDeps must be true"));
        }

        errors.AddRange(ValidateFailover(spec.Failover, spec_.Child("failover")));
        if (spec.Preemption == PreemptionBehavior.Always)
        {
            for (var i = 0; i < spec.ResourceSelectors.Count; i++)
            {
                if (string.IsNullOrEmpty(spec.ResourceSelectors[i].Name))
                {
                    errors.Add(spec_.Child("resourceSelectors").Index(i).Child("name").Invalid(
                        spec.ResourceSelectors[i].Name ?? "",
                        "name cannot be empty if preemption is Always, the empty name may cause unexpected resources preemption"));
                }
            }
        }

        // Upstream reports this under spec.suspension.suspension; the path is kept as upstream writes it.
        if (spec.Suspension is { Dispatching: true, DispatchingOnClusters.ClusterNames.Count: > 0 })
        {
            errors.Add(spec_.Child("suspension").Child("suspension").Invalid(
                spec.Suspension, "suspension dispatching cannot co-exist with dispatchingOnClusters.clusterNames"));
        }

        return errors;
    }

    public static List<FieldError> ValidatePlacement(Placement placement, FieldPath path)
    {
        var errors = new List<FieldError>();
        if (placement.ClusterAffinity is not null && placement.ClusterAffinities.Count > 0)
        {
            errors.Add(path.Invalid(placement, "clusterAffinities cannot co-exist with clusterAffinity"));
        }

        errors.AddRange(ValidateClusterAffinity(placement.ClusterAffinity, path.Child("clusterAffinity")));
        errors.AddRange(ValidateClusterAffinities(placement.ClusterAffinities, path.Child("clusterAffinities")));
        errors.AddRange(ValidateSpreadConstraints(placement.SpreadConstraints, path.Child("spreadConstraints")));
        errors.AddRange(ValidateTolerations(placement.ClusterTolerations, path.Child("clusterTolerations")));
        return errors;
    }

    public static List<FieldError> ValidateClusterAffinity(ClusterAffinity? affinity, FieldPath path)
    {
        var errors = new List<FieldError>();
        if (affinity is not null && ValidateFieldSelector(affinity.FieldSelector) is { } message)
        {
            errors.Add(path.Child("fieldSelector").Invalid(affinity.FieldSelector, message));
        }

        return errors;
    }

    /// <summary>Upstream <c>ValidatePolicyFieldSelector</c>: keys provider/region/zone, operators In/NotIn; null when valid.</summary>
    public static string? ValidateFieldSelector(FieldSelector? selector)
    {
        if (selector is null)
        {
            return null;
        }

        foreach (var expression in selector.MatchExpressions)
        {
            if (expression.Key is not ("provider" or "region" or "zone"))
            {
                return $"unsupported key \"{expression.Key}\", must be provider, region, or zone";
            }

            if (expression.Operator is not (NodeSelectorOperator.In or NodeSelectorOperator.NotIn))
            {
                return $"unsupported operator \"{expression.Operator}\", must be In or NotIn";
            }
        }

        return null;
    }

    private static List<FieldError> ValidateClusterAffinities(List<ClusterAffinityTerm> affinities, FieldPath path)
    {
        var errors = new List<FieldError>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < affinities.Count; i++)
        {
            var term = affinities[i];
            errors.AddRange(KubeValidation.IsQualifiedName(term.AffinityName).Select(m => path.Index(i).Invalid(term.AffinityName, m)));
            if (!names.Add(term.AffinityName))
            {
                errors.Add(path.Invalid(affinities, "each affinity term in a policy must have a unique name"));
            }

            errors.AddRange(ValidateClusterAffinity(term, path.Index(i)));
        }

        return errors;
    }

    private static List<FieldError> ValidateSpreadConstraints(List<SpreadConstraint> constraints, FieldPath path)
    {
        var errors = new List<FieldError>();

        // Per field: absent = not seen, false = seen once, true = duplicate already reported (one error per field).
        var seen = new Dictionary<SpreadFieldValue, bool>();
        for (var i = 0; i < constraints.Count; i++)
        {
            var constraint = constraints[i];
            if (constraint.SpreadByField is not null && !string.IsNullOrEmpty(constraint.SpreadByLabel))
            {
                errors.Add(path.Index(i).Invalid(constraint, "spreadByLabel should not co-exist with spreadByField"));
            }

            if (constraint.MinGroups < 0)
            {
                errors.Add(path.Index(i).Invalid(constraint, "minGroups lower than 0 is not allowed"));
            }

            if (constraint.MaxGroups < 0)
            {
                errors.Add(path.Index(i).Invalid(constraint, "maxGroups lower than 0 is not allowed"));
            }

            if (constraint.MaxGroups > 0 && constraint.MaxGroups < constraint.MinGroups)
            {
                errors.Add(path.Index(i).Invalid(constraint, "maxGroups lower than minGroups is not allowed"));
            }

            if (constraint.SpreadByField is { } field)
            {
                if (seen.TryGetValue(field, out var reported))
                {
                    if (!reported)
                    {
                        errors.Add(path.Invalid(constraints, $"multiple {FieldName(field)} spread constraints are not allowed"));
                        seen[field] = true;
                    }
                }
                else
                {
                    seen[field] = false;
                }
            }
        }

        if (seen.Count > 0 && !seen.ContainsKey(SpreadFieldValue.Cluster))
        {
            errors.Add(path.Invalid(constraints, "the cluster spread constraint must be enabled in one of the constraints in case of SpreadByField is enabled"));
        }

        return errors;
    }

    private static List<FieldError> ValidateFailover(FailoverBehavior? failover, FieldPath path)
    {
        var errors = new List<FieldError>();
        if (failover?.Application is { } application)
        {
            var appPath = path.Child("application");
            if (application.DecisionConditions.TolerationSeconds is < 0)
            {
                errors.Add(appPath.Child("decisionConditions").Child("tolerationSeconds").Invalid(
                    application.DecisionConditions.TolerationSeconds, "must be greater than or equal to 0"));
            }

            var gracefully = IsGracefully(application.PurgeMode);
            if (!gracefully && application.GracePeriodSeconds is not null)
            {
                errors.Add(appPath.Child("gracePeriodSeconds").Invalid(application.GracePeriodSeconds, "only takes effect when purgeMode is graciously"));
            }

            if (gracefully && application.GracePeriodSeconds is null)
            {
                errors.Add(appPath.Child("gracePeriodSeconds").Invalid(null, "should not be empty when purgeMode is graciously"));
            }

            if (application.GracePeriodSeconds is <= 0)
            {
                errors.Add(appPath.Child("gracePeriodSeconds").Invalid(application.GracePeriodSeconds, "must be greater than 0"));
            }
        }

        if (failover?.Cluster?.PurgeMode is { } purgeMode && purgeMode is not (PurgeMode.Directly or PurgeMode.Gracefully))
        {
            errors.Add(path.Child("cluster").Child("purgeMode").NotSupported(purgeMode.ToString(), SupportedClusterPurgeModes));
        }

        return errors;
    }

    /// <summary>The CRD default of purgeMode is Gracefully; Graciously is its deprecated spelling.</summary>
    public static bool IsGracefully(PurgeMode? mode) => mode is null or PurgeMode.Gracefully or PurgeMode.Graciously;

    // corev1 ValidateTolerations, with Karmada's extra taint effect accepted.
    private static List<FieldError> ValidateTolerations(List<Toleration> tolerations, FieldPath path)
    {
        var errors = new List<FieldError>();
        for (var i = 0; i < tolerations.Count; i++)
        {
            var toleration = tolerations[i];
            var index = path.Index(i);
            if (!string.IsNullOrEmpty(toleration.Key))
            {
                errors.AddRange(KubeValidation.ValidateLabelName(toleration.Key, index.Child("key")));
            }

            if (string.IsNullOrEmpty(toleration.Key) && toleration.Operator != TolerationOperator.Exists)
            {
                errors.Add(index.Child("operator").Invalid(OperatorName(toleration.Operator),
                    "operator must be Exists when `key` is empty, which means \"match all values and all keys\""));
            }

            if (toleration.TolerationSeconds is not null && toleration.Effect != TaintEffect.NoExecute)
            {
                errors.Add(index.Child("effect").Invalid(toleration.Effect?.ToString() ?? "", "effect must be 'NoExecute' when `tolerationSeconds` is set"));
            }

            switch (toleration.Operator)
            {
                case null or TolerationOperator.Equal:
                    var messages = KubeValidation.IsValidLabelValue(toleration.Value ?? "");
                    if (messages.Count > 0)
                    {
                        errors.Add(index.Child("operator").Invalid(toleration.Value ?? "", string.Join(";", messages)));
                    }

                    break;
                case TolerationOperator.Exists:
                    if (!string.IsNullOrEmpty(toleration.Value))
                    {
                        errors.Add(index.Child("operator").Invalid(toleration, "value must be empty when `operator` is 'Exists'"));
                    }

                    break;
                default:
                    errors.Add(index.Child("operator").NotSupported(OperatorName(toleration.Operator), SupportedTolerationOperators));
                    break;
            }

            if (toleration.Effect is { } effect && !SupportedTolerationEffects.Contains(effect.ToString()))
            {
                errors.Add(index.Child("effect").NotSupported(effect.ToString(), SupportedTolerationEffects));
            }
        }

        return errors;
    }

    public static List<FieldError> ValidateOverrideSpec(OverrideSpec spec)
    {
        var specPath = FieldPath.Root("spec");
        var errors = new List<FieldError>();
        if (spec.TargetCluster is not null)
        {
            errors.AddRange(ValidateClusterAffinity(spec.TargetCluster, specPath.Child("targetCluster")));
        }

        if (spec.TargetCluster is not null && spec.OverrideRules.Count > 0)
        {
            errors.Add(specPath.Child("targetCluster").Invalid(spec.TargetCluster, "overrideRules and targetCluster can't co-exist"));
        }

        if (!IsEmptyOverriders(spec.Overriders) && spec.OverrideRules.Count > 0)
        {
            errors.Add(specPath.Child("overriders").Invalid(spec.Overriders, "overrideRules and overriders can't co-exist"));
        }

        for (var ruleIndex = 0; ruleIndex < spec.OverrideRules.Count; ruleIndex++)
        {
            var rule = spec.OverrideRules[ruleIndex];
            var overriders = specPath.Child("overrideRules").Index(ruleIndex).Child("overriders");
            for (var i = 0; i < rule.Overriders.AnnotationsOverrider.Count; i++)
            {
                errors.AddRange(KubeValidation.ValidateAnnotations(rule.Overriders.AnnotationsOverrider[i].Value, overriders.Child("annotationsOverrider").Index(i).Child("value")));
            }

            for (var i = 0; i < rule.Overriders.LabelsOverrider.Count; i++)
            {
                errors.AddRange(KubeValidation.ValidateLabels(rule.Overriders.LabelsOverrider[i].Value, overriders.Child("labelsOverrider").Index(i).Child("value")));
            }

            for (var i = 0; i < rule.Overriders.ImageOverrider.Count; i++)
            {
                var image = rule.Overriders.ImageOverrider[i];
                if (image.Predicate is not null && !JsonPointer.TryParse(image.Predicate.Path, out _, out var error))
                {
                    errors.Add(overriders.Child("imageOverrider").Index(i).Child("predicate").Child("path").Invalid(image.Predicate.Path, error));
                }
            }

            for (var i = 0; i < rule.Overriders.FieldOverrider.Count; i++)
            {
                var field = rule.Overriders.FieldOverrider[i];
                var fieldPath = overriders.Child("fieldOverrider").Index(i);
                if (field.Yaml.Count > 0 && field.Json.Count > 0)
                {
                    errors.Add(fieldPath.Invalid(field, "FieldOverrider has both YAML and JSON set. Only one is allowed"));
                }

                if (!JsonPointer.TryParse(field.FieldPath, out _, out var pointerError))
                {
                    errors.Add(fieldPath.Child("fieldPath").Invalid(field.FieldPath, pointerError));
                }

                for (var j = 0; j < field.Json.Count; j++)
                {
                    errors.AddRange(ValidateSubPatch(field.Json[j].SubPath, field.Json[j].Operator, field.Json[j].Value, fieldPath.Child("json").Index(j)));
                }

                for (var j = 0; j < field.Yaml.Count; j++)
                {
                    errors.AddRange(ValidateSubPatch(field.Yaml[j].SubPath, field.Yaml[j].Operator, field.Yaml[j].Value, fieldPath.Child("yaml").Index(j)));
                }
            }

            errors.AddRange(ValidateClusterAffinity(rule.TargetCluster, specPath.Child("overrideRules").Index(ruleIndex).Child("targetCluster")));
        }

        return errors;
    }

    // Upstream's emptyOverrides does not look at fieldOverrider.
    private static bool IsEmptyOverriders(Overriders overriders) =>
        overriders.Plaintext.Count == 0 && overriders.ImageOverrider.Count == 0 && overriders.CommandOverrider.Count == 0
        && overriders.ArgsOverrider.Count == 0 && overriders.LabelsOverrider.Count == 0 && overriders.AnnotationsOverrider.Count == 0;

    private static List<FieldError> ValidateSubPatch(string subPath, OverriderOperator op, System.Text.Json.Nodes.JsonNode? value, FieldPath path)
    {
        var errors = new List<FieldError>();
        if (!JsonPointer.TryParse(subPath, out _, out var error))
        {
            errors.Add(path.Child("subPath").Invalid(subPath, error));
        }

        switch (op)
        {
            case OverriderOperator.Add or OverriderOperator.Replace when value is null:
                errors.Add(path.Child("value").Invalid(value, "value is required for add or replace operation"));
                break;
            case OverriderOperator.Remove when value is not null:
                errors.Add(path.Child("value").Invalid(value, "value is not allowed for remove operation"));
                break;
        }

        return errors;
    }

    private static string FieldName(SpreadFieldValue field) => field switch
    {
        SpreadFieldValue.Cluster => "cluster",
        SpreadFieldValue.Region => "region",
        SpreadFieldValue.Zone => "zone",
        _ => "provider",
    };

    private static string OperatorName(TolerationOperator? op) => op?.ToString() ?? "";
}
