using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Karmada.ApiServer.Resources;

namespace Karmada.ApiServer.Admission;

/// <summary>
/// apimachinery's ObjectMeta validation: names per kind (DNS-1123 subdomain; a label for namespaces and services; a
/// path segment for RBAC roles and bindings),
/// label keys and values, annotation size, finalizer names.
/// </summary>
public static partial class ObjectMetaValidator
{
    private const int MaxAnnotationBytes = 256 * 1024;

    public static void Validate(ResourceDefinition resource, JsonObject obj, FieldErrors errors)
    {
        var metadata = obj["metadata"] as JsonObject;
        var name = (string?)metadata?["name"] ?? "";
        if (name.Length == 0)
        {
            errors.Required("metadata.name", "name or generateName is required");
        }
        else
        {
            foreach (var problem in NameProblems(resource, name))
            {
                errors.Invalid("metadata.name", name, problem);
            }
        }

        if (metadata?["labels"] is JsonObject labels)
        {
            foreach (var (key, value) in labels)
            {
                if (!IsQualifiedName(key))
                {
                    foreach (var problem in QualifiedNameProblems(key))
                    {
                        errors.Invalid("metadata.labels", key, problem);
                    }
                }

                var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
                if (text is null)
                {
                    errors.Invalid($"metadata.labels", value?.ToJsonString() ?? "null", "label values must be strings");
                }
                else if (text.Length > 63 || (text.Length > 0 && !LabelValuePattern().IsMatch(text)))
                {
                    errors.Invalid("metadata.labels", text, "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
                }
            }
        }

        if (metadata?["annotations"] is JsonObject annotations)
        {
            var total = 0;
            foreach (var (key, value) in annotations)
            {
                if (!IsLowercasedQualifiedName(key))
                {
                    foreach (var problem in QualifiedNameProblems(key.ToLowerInvariant()))
                    {
                        errors.Invalid("metadata.annotations", key, problem);
                    }
                }

                total += key.Length + (value is JsonValue v && v.TryGetValue<string>(out var s) ? s.Length : 0);
            }

            if (total > MaxAnnotationBytes)
            {
                errors.Add(new Http.StatusCause("FieldValueTooLong", $"Too long: must have at most {MaxAnnotationBytes} bytes", "metadata.annotations"));
            }
        }

        if (metadata?["finalizers"] is JsonArray finalizers)
        {
            foreach (var f in finalizers)
            {
                var text = (string?)f ?? "";
                if (!text.Contains('/', StringComparison.Ordinal) && text is not "kubernetes" and not "orphan" and not "foregroundDeletion")
                {
                    errors.Invalid("metadata.finalizers", text, "name is neither a standard finalizer name nor is it fully qualified");
                }
            }
        }
    }

    public static IEnumerable<string> NameProblems(ResourceDefinition resource, string name)
    {
        if (resource.Group.Length == 0 && resource.Plural is "namespaces" or "services")
        {
            return LabelProblems(name, resource.Plural == "services");
        }

        if (resource.Group == "cluster.karmada.io" && resource.Plural == "clusters")
        {
            var problems = LabelProblems(name, false).ToList();
            if (name.Length > 48)
            {
                problems.Add("must be no more than 48 characters");
            }

            return problems;
        }

        if (resource.Group == "rbac.authorization.k8s.io" && !resource.IsCustom)
        {
            // RBAC's ValidateRBACName: names only have to be safe as one URL path segment, so "system:controller:x" is
            // valid (and there is no length limit).
            return PathSegmentNameProblems(name);
        }

        return SubdomainProblems(name);
    }

    /// <summary>apimachinery's <c>path.IsValidPathSegmentName</c>.</summary>
    public static IEnumerable<string> PathSegmentNameProblems(string name)
    {
        if (name is "." or "..")
        {
            return [$"may not be '{name}'"];
        }

        var problems = new List<string>(0);
        if (name.Contains('/', StringComparison.Ordinal))
        {
            problems.Add("may not contain '/'");
        }

        if (name.Contains('%', StringComparison.Ordinal))
        {
            problems.Add("may not contain '%'");
        }

        return problems;
    }

    public static IEnumerable<string> SubdomainProblems(string value)
    {
        if (value.Length > 253)
        {
            yield return "must be no more than 253 characters";
        }

        if (!SubdomainPattern().IsMatch(value))
        {
            yield return "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
        }
    }

    public static IEnumerable<string> LabelProblems(string value, bool dns1035)
    {
        if (value.Length > 63)
        {
            yield return "must be no more than 63 characters";
        }

        if (dns1035 && !Dns1035Pattern().IsMatch(value))
        {
            yield return "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
        }
        else if (!dns1035 && !LabelPattern().IsMatch(value))
        {
            yield return "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
        }
    }

    /// <summary>
    /// Whether <paramref name="key"/> is a qualified name, i.e. <see cref="QualifiedNameProblems"/> finds nothing: every
    /// write checks every label and annotation key, and nearly all are valid, so this asks without allocating.
    /// </summary>
    public static bool IsQualifiedName(ReadOnlySpan<char> key)
    {
        var slash = key.IndexOf('/');
        if (slash >= 0)
        {
            var prefix = key[..slash];
            if (prefix.IsEmpty || prefix.Length > 253 || !SubdomainPattern().IsMatch(prefix))
            {
                return false;
            }
        }

        var name = key[(slash + 1)..];
        return name.Length is > 0 and <= 63 && QualifiedNamePattern().IsMatch(name);
    }

    // Annotation keys are checked lowercased, as upstream (ValidateAnnotations lowers them first).
    private static bool IsLowercasedQualifiedName(string key)
    {
        const int StackLimit = 256;
        Span<char> lowered = key.Length <= StackLimit ? stackalloc char[StackLimit] : new char[key.Length];
        lowered = lowered[..key.Length];
        key.AsSpan().ToLowerInvariant(lowered);
        return IsQualifiedName(lowered);
    }

    public static IEnumerable<string> QualifiedNameProblems(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var name = slash >= 0 ? key[(slash + 1)..] : key;
        if (slash >= 0)
        {
            var prefix = key[..slash];
            if (prefix.Length == 0)
            {
                yield return "prefix part must be non-empty";
            }
            else
            {
                foreach (var p in SubdomainProblems(prefix))
                {
                    yield return "prefix part " + p;
                }
            }
        }

        if (name.Length == 0)
        {
            yield return "name part must be non-empty";
        }
        else if (name.Length > 63)
        {
            yield return "name part must be no more than 63 characters";
        }
        else if (!QualifiedNamePattern().IsMatch(name))
        {
            yield return "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
        }
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex SubdomainPattern();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex LabelPattern();

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1035Pattern();

    [GeneratedRegex("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$")]
    private static partial Regex QualifiedNamePattern();

    [GeneratedRegex("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$")]
    private static partial Regex LabelValuePattern();
}
