using System.Text.Json;
using System.Text.Json.Nodes;
using Karmada.Api;
using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.ApiServer.Admission;
using Karmada.ApiServer.Http;
using Karmada.Policy.Admission;

namespace Karmada.ApiServer.ControlPlane;

/// <summary>
/// Karmada's policy and cluster webhooks compiled in: defaulting (mutating) and validation with upstream's field
/// paths and messages for PropagationPolicy, ClusterPropagationPolicy, OverridePolicy, ClusterOverridePolicy,
/// ClusterTaintPolicy, FederatedResourceQuota and Cluster. Objects are checked in their typed form, so a value of
/// the wrong type or an unknown enum value is a 422 too.
/// </summary>
public sealed class KarmadaPolicyAdmission : IAdmissionPlugin
{
    private static readonly HashSet<string> Kinds =
    [
        "PropagationPolicy", "ClusterPropagationPolicy", "OverridePolicy", "ClusterOverridePolicy",
        "ClusterTaintPolicy", "FederatedResourceQuota", "Cluster",
    ];

    public bool IsMutating => false;

    public bool Handles(AdmissionRequest request) =>
        request.Operation != AdmissionOperation.Delete && request.Subresource.Length == 0
        && request.Resource.Group is "policy.karmada.io" or "cluster.karmada.io" && Kinds.Contains(request.Resource.Kind);

    public ValueTask AdmitAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        var obj = request.Object!;
        IReadOnlyList<FieldError> errors;
        try
        {
            errors = request.Resource.Kind switch
            {
                "PropagationPolicy" => Defaulted<PropagationPolicy>(obj, PropagationPolicyDefaulter.ApplyServerDefaults, p => PropagationPolicyValidator.Validate(p, Old<PropagationPolicy>(request))),
                "ClusterPropagationPolicy" => Defaulted<ClusterPropagationPolicy>(obj, PropagationPolicyDefaulter.ApplyServerDefaults, p => PropagationPolicyValidator.Validate(p, Old<ClusterPropagationPolicy>(request))),
                "OverridePolicy" => Defaulted<OverridePolicy>(obj, OverridePolicyDefaulter.Default, OverridePolicyValidator.Validate),
                "ClusterOverridePolicy" => Defaulted<ClusterOverridePolicy>(obj, null, OverridePolicyValidator.Validate),
                "ClusterTaintPolicy" => Defaulted<ClusterTaintPolicy>(obj, null, p => ClusterTaintPolicyValidator.Validate(p, allowNoExecuteTaintPolicy: true)),
                "FederatedResourceQuota" => Defaulted<FederatedResourceQuota>(obj, null, FederatedResourceQuotaValidator.Validate),
                _ => Defaulted<Cluster>(obj, null, c => Old<Cluster>(request) is { } old ? ClusterValidator.ValidateUpdate(c, old) : ClusterValidator.Validate(c)),
            };
        }
        catch (JsonException ex)
        {
            throw new ApiException(Errors.Invalid(request.Resource, request.Name, [new StatusCause("FieldValueInvalid", ex.Message, ex.Path ?? "")]));
        }

        if (errors.Count > 0)
        {
            throw new ApiException(Errors.Invalid(request.Resource, request.Name, errors.Select(ToCause).ToList()));
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Applies the defaulter to the typed object and writes the result back into the request object.</summary>
    private static IReadOnlyList<FieldError> Defaulted<T>(JsonObject obj, Action<T>? defaulter, Func<T, IReadOnlyList<FieldError>> validate)
    {
        var typed = KarmadaJson.Deserialize<T>(obj);
        if (defaulter is not null)
        {
            defaulter(typed);
            var defaulted = KarmadaJson.SerializeToNode(typed)!.AsObject();
            foreach (var name in new[] { "spec" })
            {
                if (defaulted[name] is { } value)
                {
                    obj[name] = value.DeepClone();
                }
            }
        }

        return validate(typed);
    }

    private static T? Old<T>(AdmissionRequest request)
        where T : class => request.OldObject is { } old ? KarmadaJson.Deserialize<T>(old) : null;

    /// <summary>Primitives as apimachinery prints them; API structs as their JSON.</summary>
    private static string Render(object? value)
    {
        if (value is null or string or bool or IFormattable or JsonNode)
        {
            return FieldErrors.Render(value);
        }

        try
        {
            return KarmadaJson.Serialize(value, value.GetType());
        }
        catch (Exception ex) when (ex is InvalidOperationException or NotSupportedException or JsonException)
        {
            return FieldErrors.Render(value.ToString());
        }
    }

    private static StatusCause ToCause(FieldError error)
    {
        var message = error.Type switch
        {
            FieldErrorType.Required => error.Message.Length == 0 ? "Required value" : $"Required value: {error.Message}",
            FieldErrorType.NotSupported => $"Unsupported value: {Render(error.BadValue)}: {error.Message}",
            FieldErrorType.Forbidden => error.Message.Length == 0 ? "Forbidden" : $"Forbidden: {error.Message}",
            FieldErrorType.Duplicate => $"Duplicate value: {Render(error.BadValue)}",
            FieldErrorType.TooLong => $"Too long: {error.Message}",
            _ => $"Invalid value: {Render(error.BadValue)}: {error.Message}",
        };
        var reason = error.Type switch
        {
            FieldErrorType.Required => "FieldValueRequired",
            FieldErrorType.NotSupported => "FieldValueNotSupported",
            FieldErrorType.Forbidden => "FieldValueForbidden",
            FieldErrorType.Duplicate => "FieldValueDuplicate",
            FieldErrorType.TooLong => "FieldValueTooLong",
            _ => "FieldValueInvalid",
        };
        return new StatusCause(reason, message, error.FieldPath);
    }
}
