using Karmada.Api.Meta;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Api.WellKnown;

namespace Karmada.Policy.Admission;

/// <summary>
/// The validating admission rules of PropagationPolicy and ClusterPropagationPolicy (upstream
/// <c>pkg/webhook/(cluster)propagationpolicy/validating.go</c> with <c>ValidatePropagationSpec</c>), plus the CRD
/// schema's required fields. Pass the stored object as <c>old</c> on update.
/// </summary>
public static class PropagationPolicyValidator
{
    /// <summary>Validates a PropagationPolicy on create (<paramref name="old"/> null) or update.</summary>
    public static IReadOnlyList<FieldError> Validate(PropagationPolicy policy, PropagationPolicy? old = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return Validate(policy.Metadata, policy.Spec, old?.Metadata, old?.Spec, WellKnownLabels.PropagationPolicyPermanentId);
    }

    /// <summary>Validates a ClusterPropagationPolicy on create (<paramref name="old"/> null) or update.</summary>
    public static IReadOnlyList<FieldError> Validate(ClusterPropagationPolicy policy, ClusterPropagationPolicy? old = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return Validate(policy.Metadata, policy.Spec, old?.Metadata, old?.Spec, WellKnownLabels.ClusterPropagationPolicyPermanentId);
    }

    private static List<FieldError> Validate(ObjectMeta metadata, PropagationSpec spec, ObjectMeta? oldMetadata, PropagationSpec? oldSpec, string permanentIdLabel)
    {
        var errors = new List<FieldError>();
        // A policy stored before schema defaulting has no schedulerName; it means the default one.
        if (oldSpec is not null && SchedulerNameOf(oldSpec) != SchedulerNameOf(spec))
        {
            errors.Add(FieldPath.Root("spec").Child("schedulerName").Forbidden("the schedulerName should not be updated"));
        }

        var labelPath = FieldPath.Root("metadata").Child("labels").Key(permanentIdLabel);
        if (!metadata.Labels.TryGetValue(permanentIdLabel, out var permanentId))
        {
            errors.Add(labelPath.Required($"label {permanentIdLabel} is required, it should be set by the mutating admission webhook"));
        }
        else if (oldMetadata is not null && oldMetadata.Labels.TryGetValue(permanentIdLabel, out var oldId) && oldId != permanentId)
        {
            errors.Add(labelPath.Forbidden($"label {permanentIdLabel} is immutable, it can only be set by the system during creation"));
        }

        errors.AddRange(ValidateSchema(spec));
        errors.AddRange(PolicySpecValidation.ValidatePropagationSpec(spec));
        return errors;
    }

    // What the CRD's OpenAPI schema rejects before any webhook runs.
    private static List<FieldError> ValidateSchema(PropagationSpec spec)
    {
        var errors = new List<FieldError>();
        var selectors = FieldPath.Root("spec").Child("resourceSelectors");
        if (spec.ResourceSelectors.Count == 0)
        {
            errors.Add(selectors.Required());
        }

        for (var i = 0; i < spec.ResourceSelectors.Count; i++)
        {
            if (spec.ResourceSelectors[i].ApiVersion.Length == 0)
            {
                errors.Add(selectors.Index(i).Child("apiVersion").Required());
            }

            if (spec.ResourceSelectors[i].Kind.Length == 0)
            {
                errors.Add(selectors.Index(i).Child("kind").Required());
            }
        }

        return errors;
    }

    private static string SchedulerNameOf(PropagationSpec spec) =>
        string.IsNullOrEmpty(spec.SchedulerName) ? PropagationPolicyDefaulter.DefaultSchedulerName : spec.SchedulerName;
}
