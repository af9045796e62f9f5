using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Core;

namespace Karmada.Policy.Admission;

/// <summary>
/// Cluster validation as the aggregated API server's strategy runs it (upstream
/// <c>pkg/apis/cluster/validation/validation.go</c>): a DNS-1123 label name of at most 48 characters (the
/// <c>karmada-es-</c> prefix must still fit), a URL apiEndpoint with a host and no user info, query or fragment,
/// complete secret references, an http/https/socks5 proxy URL, valid taints and contiguous resource models.
/// </summary>
public static class ClusterValidator
{
    /// <summary>The longest cluster name.</summary>
    public const int ClusterNameMaxLength = 48;

    private const string EndpointForm = "; desired format: hostname, hostname:port, IP or IP:port";
    private static readonly string[] SupportedResourceNames = ["cpu", "ephemeral-storage", "memory", "storage"];

    /// <summary>Upstream <c>ValidateClusterName</c>: the messages for an invalid name, empty when valid.</summary>
    public static IReadOnlyList<string> ValidateClusterName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0)
        {
            return ["must be not empty"];
        }

        if (name.Length > ClusterNameMaxLength)
        {
            return [KubeValidation.MaxLenError(ClusterNameMaxLength)];
        }

        return KubeValidation.IsDns1123Label(name);
    }

    /// <summary>Validates a Cluster on create.</summary>
    public static IReadOnlyList<FieldError> Validate(Cluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var errors = new List<FieldError>();
        var metadata = FieldPath.Root("metadata");
        if (!string.IsNullOrEmpty(cluster.Metadata.GenerateName))
        {
            errors.AddRange(ValidateClusterName(cluster.Metadata.GenerateName).Select(m => metadata.Child("generateName").Invalid(cluster.Metadata.GenerateName, m)));
        }

        if (string.IsNullOrEmpty(cluster.Metadata.Name))
        {
            errors.Add(metadata.Child("name").Required("name or generateName is required"));
        }
        else
        {
            errors.AddRange(ValidateClusterName(cluster.Metadata.Name).Select(m => metadata.Child("name").Invalid(cluster.Metadata.Name, m)));
        }

        errors.AddRange(ValidateSpec(cluster.Spec, FieldPath.Root("spec")));
        return errors;
    }

    /// <summary>Validates a Cluster on update (object metadata immutability is the server's generic check).</summary>
    public static IReadOnlyList<FieldError> ValidateUpdate(Cluster cluster, Cluster old)
    {
        ArgumentNullException.ThrowIfNull(old);
        return Validate(cluster);
    }

    /// <summary>Upstream <c>ValidateClusterAPIEndpoint</c>.</summary>
    public static IReadOnlyList<FieldError> ValidateApiEndpoint(string apiEndpoint, bool forceHttps = false) =>
        ValidateApiEndpoint(FieldPath.Root("spec").Child("apiEndpoint"), apiEndpoint, forceHttps);

    private static List<FieldError> ValidateSpec(ClusterSpec spec, FieldPath path)
    {
        var errors = new List<FieldError>();
        if (!string.IsNullOrEmpty(spec.ApiEndpoint))
        {
            errors.AddRange(ValidateApiEndpoint(path.Child("apiEndpoint"), spec.ApiEndpoint, false));
        }

        errors.AddRange(ValidateSecretReference(spec.SecretRef, path.Child("secretRef")));
        errors.AddRange(ValidateSecretReference(spec.ImpersonatorSecretRef, path.Child("impersonatorSecretRef")));
        if (!string.IsNullOrEmpty(spec.ProxyUrl))
        {
            var proxyPath = path.Child("proxyURL");
            var url = GoUrl.TryParse(spec.ProxyUrl, out var error);
            if (url is null)
            {
                errors.Add(proxyPath.Invalid(spec.ProxyUrl, "apiEndpoint must be a valid URL: " + error));
            }
            else if (url.Scheme is not ("http" or "https" or "socks5"))
            {
                errors.Add(proxyPath.Invalid(spec.ProxyUrl, $"unsupported scheme \"{url.Scheme}\", must be http, https, or socks5"));
            }
        }

        if (spec.Taints.Count > 0)
        {
            errors.AddRange(ClusterTaintValidation.Validate(spec.Taints.Select(t => (t.Key, t.Value, t.Effect, (object)t)).ToList(), path.Child("taints")));
        }

        if (spec.ResourceModels.Count > 0 && ValidateResourceModels(path.Child("resourceModels"), spec.ResourceModels) is { } modelError)
        {
            errors.Add(modelError);
        }

        return errors;
    }

    private static List<FieldError> ValidateApiEndpoint(FieldPath path, string apiEndpoint, bool forceHttps)
    {
        var errors = new List<FieldError>();
        var url = GoUrl.TryParse(apiEndpoint, out var error);
        if (url is null)
        {
            errors.Add(path.Invalid(apiEndpoint, "apiEndpoint must be a valid URL: " + error + EndpointForm));
            return errors;
        }

        if (forceHttps && url.Scheme != "https")
        {
            errors.Add(path.Invalid(url.Scheme, "'https' is the only allowed URL scheme" + EndpointForm));
        }

        if (url.Host.Length == 0)
        {
            errors.Add(path.Invalid(url.Host, "host must be provided" + EndpointForm));
        }

        if (url.User is not null)
        {
            errors.Add(path.Invalid(url.User, "user information is not permitted in the URL"));
        }

        if (url.Fragment.Length != 0)
        {
            errors.Add(path.Invalid(url.Fragment, "fragments are not permitted in the URL"));
        }

        if (url.RawQuery.Length != 0)
        {
            errors.Add(path.Invalid(url.RawQuery, "query parameters are not permitted in the URL"));
        }

        return errors;
    }

    private static List<FieldError> ValidateSecretReference(LocalSecretReference? reference, FieldPath path)
    {
        var errors = new List<FieldError>();
        if (reference is null)
        {
            return errors;
        }

        if (reference.Namespace.Length == 0)
        {
            errors.Add(path.Child("namespace").Required());
        }

        if (reference.Name.Length == 0)
        {
            errors.Add(path.Child("name").Required());
        }

        return errors;
    }

    // Upstream stops at the first problem and reports the whole list as the bad value.
    private static FieldError? ValidateResourceModels(FieldPath path, List<ResourceModel> models)
    {
        for (var i = 0; i < models.Count; i++)
        {
            var model = models[i];
            if (i != 0 && model.Grade == models[i - 1].Grade)
            {
                return path.Invalid(models, "The grade of each models should not be the same");
            }

            if (i != 0 && models[i - 1].Ranges.Count != model.Ranges.Count)
            {
                return path.Invalid(models, "The number of resource types should be the same");
            }

            for (var j = 0; j < model.Ranges.Count; j++)
            {
                var range = model.Ranges[j];
                if (!SupportedResourceNames.Contains(range.Name))
                {
                    return path.Child("ranges").Child("name").NotSupported(range.Name, SupportedResourceNames);
                }

                var min = Quantity.Parse(range.Min);
                var max = Quantity.Parse(range.Max);
                if (max <= min)
                {
                    return path.Invalid(models, "The max value of each resource must be greater than the min value");
                }

                if (i == 0)
                {
                    if (!min.IsZero)
                    {
                        return path.Invalid(models, "The min value of each resource in the first model should be 0");
                    }
                }
                else if (models[i - 1].Ranges[j].Name != range.Name)
                {
                    return path.Invalid(models, "The resource types of each models should be the same");
                }
                else if (Quantity.Parse(models[i - 1].Ranges[j].Max) != min)
                {
                    return path.Invalid(models, "Model intervals for resources must be contiguous and non-overlapping");
                }

                if (i == models.Count - 1 && max.Value != long.MaxValue)
                {
                    return path.Invalid(models, "The max value of each resource in the last model should be MaxInt64");
                }
            }
        }

        return null;
    }
}
