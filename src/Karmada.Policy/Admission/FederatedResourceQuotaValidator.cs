using Karmada.Api.Core;
using Karmada.Api.Policy.V1Alpha1;

namespace Karmada.Policy.Admission;

/// <summary>
/// The validating admission rules of FederatedResourceQuota (upstream <c>pkg/webhook/federatedresourcequota</c>):
/// name length, resource names and non-negative (integer where required) quantities in overall, static assignments
/// and status, overall not below the sum of assignments, and assignments only for resources named in overall.
/// </summary>
public static class FederatedResourceQuotaValidator
{
    private const string IsNegativeErrorMessage = "must be greater than or equal to 0";
    private const string IsNotIntegerErrorMessage = "must be an integer";

    private static readonly HashSet<string> StandardQuotaResources = new(StringComparer.Ordinal)
    {
        "cpu", "memory", "ephemeral-storage", "requests.cpu", "requests.memory", "requests.storage",
        "requests.ephemeral-storage", "limits.cpu", "limits.memory", "limits.ephemeral-storage", "pods",
        "resourcequotas", "services", "replicationcontrollers", "secrets", "persistentvolumeclaims", "configmaps",
        "services.nodeports", "services.loadbalancers",
    };

    private static readonly HashSet<string> IntegerResources = new(StringComparer.Ordinal)
    {
        "pods", "resourcequotas", "services", "replicationcontrollers", "secrets", "configmaps",
        "persistentvolumeclaims", "services.nodeports", "services.loadbalancers",
    };

    /// <summary>Validates the quota.</summary>
    public static IReadOnlyList<FieldError> Validate(FederatedResourceQuota quota)
    {
        ArgumentNullException.ThrowIfNull(quota);
        var errors = new List<FieldError>();
        var name = quota.Metadata.Name ?? "";
        if (name.Length > KubeValidation.LabelValueMaxLength)
        {
            errors.Add(FieldPath.Root("metadata").Child("name").Invalid(name, KubeValidation.MaxLenError(KubeValidation.LabelValueMaxLength)));
        }

        var spec = FieldPath.Root("spec");
        errors.AddRange(ValidateResourceList(quota.Spec.Overall, spec.Child("overall")));
        for (var i = 0; i < quota.Spec.StaticAssignments.Count; i++)
        {
            var assignment = quota.Spec.StaticAssignments[i];
            var path = spec.Child("staticAssignments").Index(i);
            if (assignment.ClusterName.Length == 0)
            {
                errors.Add(path.Child("clusterName").Invalid(assignment.ClusterName, "clusterName cannot be empty"));
            }

            errors.AddRange(ValidateResourceList(assignment.Hard, path.Child("hard")));
        }

        foreach (var resource in quota.Spec.Overall.Keys.Order(StringComparer.Ordinal))
        {
            if (!Quantity.TryParse(quota.Spec.Overall[resource], out var overall))
            {
                continue;
            }

            var assigned = quota.Spec.StaticAssignments
                .Select(a => a.Hard.TryGetValue(resource, out var q) && Quantity.TryParse(q, out var parsed) ? parsed : Quantity.Zero)
                .Aggregate(Quantity.Zero, (sum, q) => sum + q);
            if (overall < assigned)
            {
                errors.Add(spec.Child("overall").Key(resource).Invalid(overall.ToString(), "overall is less than assignments"));
            }
        }

        for (var i = 0; i < quota.Spec.StaticAssignments.Count; i++)
        {
            foreach (var resource in quota.Spec.StaticAssignments[i].Hard.Keys.Order(StringComparer.Ordinal))
            {
                if (!quota.Spec.Overall.ContainsKey(resource))
                {
                    errors.Add(spec.Child("staticAssignments").Index(i).Child("hard").Key(resource).Invalid(resource, "assignment resourceName is not exist in overall"));
                }
            }
        }

        var status = FieldPath.Root("status");
        errors.AddRange(ValidateResourceList(quota.Status.Overall, status.Child("overall")));
        errors.AddRange(ValidateResourceList(quota.Status.OverallUsed, status.Child("overallUsed")));
        for (var i = 0; i < quota.Status.AggregatedStatus.Count; i++)
        {
            var item = quota.Status.AggregatedStatus[i];
            var path = status.Child("aggregatedStatus").Index(i);
            if (item.ClusterName.Length == 0)
            {
                errors.Add(path.Child("clusterName").Invalid(item.ClusterName, "clusterName cannot be empty"));
            }

            errors.AddRange(ValidateResourceList(item.Hard, path.Child("hard")));
            errors.AddRange(ValidateResourceList(item.Used, path.Child("used")));
        }

        return errors;
    }

    private static List<FieldError> ValidateResourceList(ResourceList list, FieldPath path)
    {
        var errors = new List<FieldError>();
        foreach (var resource in list.Keys.Order(StringComparer.Ordinal))
        {
            var resourcePath = path.Key(resource);
            var nameErrors = KubeValidation.IsQualifiedName(resource).Select(m => resourcePath.Invalid(resource, m)).ToList();
            if (nameErrors.Count == 0 && !resource.Contains('/', StringComparison.Ordinal) && !IsStandardQuotaResourceName(resource))
            {
                nameErrors.Add(resourcePath.Invalid(resource, "must be a standard resource type or fully qualified"));
            }

            errors.AddRange(nameErrors);
            if (!Quantity.TryParse(list[resource], out var quantity))
            {
                continue;
            }

            if (quantity.Sign < 0)
            {
                errors.Add(resourcePath.Invalid(quantity.ToString(), IsNegativeErrorMessage));
            }

            if (IsIntegerResourceName(resource) && quantity.MilliValue % 1000 != 0)
            {
                errors.Add(resourcePath.Invalid(quantity.ToString(), IsNotIntegerErrorMessage));
            }
        }

        return errors;
    }

    private static bool IsStandardQuotaResourceName(string name) =>
        StandardQuotaResources.Contains(name)
        || name.StartsWith("hugepages-", StringComparison.Ordinal)
        || name.StartsWith("requests.hugepages-", StringComparison.Ordinal);

    // Extended resources (domain-prefixed, not kubernetes.io, not requests.) count in whole units too.
    private static bool IsIntegerResourceName(string name) =>
        IntegerResources.Contains(name)
        || (name.Contains('/', StringComparison.Ordinal) && !name.Contains("kubernetes.io/", StringComparison.Ordinal)
            && !name.StartsWith("requests.", StringComparison.Ordinal));
}
