using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Karmada.Json;

namespace Karmada.OpenApi.Structural;

/// <summary>
/// The checks of apimachinery's <c>ValidateObjectMeta</c> that apiextensions applies to the metadata of embedded
/// resources: name and generateName as path segments, namespace as a DNS-1123 label, label keys and values,
/// annotation keys and the total annotation size.
/// </summary>
internal static partial class ObjectMetaValidator
{
    private const int TotalAnnotationSizeLimit = 256 * 1024;
    private const string QualifiedNameFormat = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private const string QualifiedNameMessage = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    private const string LabelValueMessage = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    private const string Dns1123LabelMessage = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
    private const string Dns1123SubdomainMessage = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";

    public static void Validate(JsonObject metadata, string path, List<FieldError> errors)
    {
        if (JsonValues.AsString(metadata["generateName"]) is { Length: > 0 } generateName)
        {
            foreach (var message in PathSegmentErrors(generateName, prefix: true))
            {
                errors.Add(FieldError.Invalid(FieldPath.Child(path, "generateName"), generateName, message));
            }
        }

        // Upstream substitutes a fake name when none is given, so a missing name is not an error here.
        if (JsonValues.AsString(metadata["name"]) is { Length: > 0 } name)
        {
            foreach (var message in PathSegmentErrors(name, prefix: false))
            {
                errors.Add(FieldError.Invalid(FieldPath.Child(path, "name"), name, message));
            }
        }

        if (JsonValues.AsString(metadata["namespace"]) is { Length: > 0 } ns)
        {
            foreach (var message in Dns1123LabelErrors(ns))
            {
                errors.Add(FieldError.Invalid(FieldPath.Child(path, "namespace"), ns, message));
            }
        }

        if (metadata["labels"] is JsonObject labels)
        {
            var labelsPath = FieldPath.Child(path, "labels");
            foreach (var (key, value) in labels.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                foreach (var message in QualifiedNameErrors(key))
                {
                    errors.Add(FieldError.Invalid(labelsPath, key, message));
                }

                var text = JsonValues.AsString(value) ?? string.Empty;
                foreach (var message in LabelValueErrors(text))
                {
                    errors.Add(FieldError.Invalid(labelsPath, text, message));
                }
            }
        }

        if (metadata["annotations"] is JsonObject annotations)
        {
            var annotationsPath = FieldPath.Child(path, "annotations");
            var size = 0L;
            foreach (var (key, value) in annotations.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                foreach (var message in QualifiedNameErrors(key.ToLowerInvariant()))
                {
                    errors.Add(FieldError.Invalid(annotationsPath, key, message));
                }

                size += key.Length + (JsonValues.AsString(value)?.Length ?? 0);
            }

            if (size > TotalAnnotationSizeLimit)
            {
                errors.Add(new FieldError(FieldErrorType.TooLong, annotationsPath, JsonValue.Create(string.Empty), $"may not be longer than {TotalAnnotationSizeLimit}"));
            }
        }
    }

    /// <summary>apimachinery's <c>RegexError</c>, including its double space between examples.</summary>
    internal static string RegexError(string message, string format, params string[] examples)
    {
        if (examples.Length == 0)
        {
            return message + " (regex used for validation is '" + format + "')";
        }

        return message + " (e.g. " + string.Join(" or ", examples.Select(example => "'" + example + "', ")) + "regex used for validation is '" + format + "')";
    }

    private static List<string> PathSegmentErrors(string name, bool prefix)
    {
        if (!prefix && name is "." or "..")
        {
            return [$"may not be '{name}'"];
        }

        var errors = new List<string>();
        foreach (var illegal in new[] { "/", "%" })
        {
            if (name.Contains(illegal, StringComparison.Ordinal))
            {
                errors.Add($"may not contain '{illegal}'");
            }
        }

        return errors;
    }

    private static List<string> Dns1123LabelErrors(string value)
    {
        var errors = new List<string>();
        if (value.Length > 63)
        {
            errors.Add("must be no more than 63 characters");
        }

        if (!Dns1123LabelRegex().IsMatch(value))
        {
            errors.Add(RegexError(Dns1123LabelMessage, "[a-z0-9]([-a-z0-9]*[a-z0-9])?", "my-name", "123-abc"));
        }

        return errors;
    }

    private static List<string> QualifiedNameErrors(string value)
    {
        var errors = new List<string>();
        var parts = value.Split('/');
        string name;
        switch (parts.Length)
        {
            case 1:
                name = parts[0];
                break;
            case 2:
                name = parts[1];
                if (parts[0].Length == 0)
                {
                    errors.Add("prefix part must be non-empty");
                }
                else
                {
                    if (parts[0].Length > 253)
                    {
                        errors.Add("prefix part must be no more than 253 characters");
                    }

                    if (!Dns1123SubdomainRegex().IsMatch(parts[0]))
                    {
                        errors.Add("prefix part " + RegexError(Dns1123SubdomainMessage, "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*", "example.com"));
                    }
                }

                break;
            default:
                return ["a qualified name " + RegexError(QualifiedNameMessage, QualifiedNameFormat, "MyName", "my.name", "123-abc") + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"];
        }

        if (name.Length == 0)
        {
            errors.Add("name part must be non-empty");
        }
        else if (name.Length > 63)
        {
            errors.Add("name part must be no more than 63 characters");
        }

        if (!QualifiedNameRegex().IsMatch(name))
        {
            errors.Add("name part " + RegexError(QualifiedNameMessage, QualifiedNameFormat, "MyName", "my.name", "123-abc"));
        }

        return errors;
    }

    private static List<string> LabelValueErrors(string value)
    {
        var errors = new List<string>();
        if (value.Length > 63)
        {
            errors.Add("must be no more than 63 characters");
        }

        if (!LabelValueRegex().IsMatch(value))
        {
            errors.Add(RegexError(LabelValueMessage, "(" + QualifiedNameFormat + ")?", "MyValue", "my_value", "12345"));
        }

        return errors;
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1123LabelRegex();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Dns1123SubdomainRegex();

    [GeneratedRegex("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$")]
    private static partial Regex QualifiedNameRegex();

    [GeneratedRegex("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$")]
    private static partial Regex LabelValueRegex();
}
