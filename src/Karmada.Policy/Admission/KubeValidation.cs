using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Karmada.Policy.Admission;

/// <summary>The string validators of <c>k8s.io/apimachinery/pkg/util/validation</c> with their exact messages.</summary>
internal static partial class KubeValidation
{
    public const int DnsLabelMaxLength = 63;
    public const int DnsSubdomainMaxLength = 253;
    public const int QualifiedNameMaxLength = 63;
    public const int LabelValueMaxLength = 63;
    public const int TotalAnnotationSizeLimit = 256 * 1024;

    private const string Dns1123LabelFmt = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private const string Dns1123LabelErrMsg = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
    private const string Dns1123SubdomainFmt = Dns1123LabelFmt + "(\\." + Dns1123LabelFmt + ")*";
    private const string Dns1123SubdomainErrMsg = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
    private const string QualifiedNameFmt = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private const string QualifiedNameErrMsg = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    private const string LabelValueFmt = "(" + QualifiedNameFmt + ")?";
    private const string LabelValueErrMsg = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

    public static string MaxLenError(int length) => string.Create(CultureInfo.InvariantCulture, $"must be no more than {length} characters");

    public static string EmptyError() => "must be non-empty";

    public static string RegexError(string message, string format, params string[] examples)
    {
        if (examples.Length == 0)
        {
            return message + " (regex used for validation is '" + format + "')";
        }

        var builder = new StringBuilder(message).Append(" (e.g. ");
        for (var i = 0; i < examples.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(" or ");
            }

            builder.Append('\'').Append(examples[i]).Append("', ");
        }

        return builder.Append("regex used for validation is '").Append(format).Append("')").ToString();
    }

    public static List<string> IsDns1123Label(string value)
    {
        var errors = new List<string>();
        if (Encoding.UTF8.GetByteCount(value) > DnsLabelMaxLength)
        {
            errors.Add(MaxLenError(DnsLabelMaxLength));
        }

        if (!Dns1123LabelRegex().IsMatch(value))
        {
            errors.Add(Dns1123SubdomainRegex().IsMatch(value)
                ? "must not contain dots"
                : RegexError(Dns1123LabelErrMsg, Dns1123LabelFmt, "my-name", "123-abc"));
        }

        return errors;
    }

    public static List<string> IsDns1123Subdomain(string value)
    {
        var errors = new List<string>();
        if (Encoding.UTF8.GetByteCount(value) > DnsSubdomainMaxLength)
        {
            errors.Add(MaxLenError(DnsSubdomainMaxLength));
        }

        if (!Dns1123SubdomainRegex().IsMatch(value))
        {
            errors.Add(RegexError(Dns1123SubdomainErrMsg, Dns1123SubdomainFmt, "example.com"));
        }

        return errors;
    }

    public static List<string> IsQualifiedName(string value)
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
                var prefix = parts[0];
                name = parts[1];
                if (prefix.Length == 0)
                {
                    errors.Add("prefix part " + EmptyError());
                }
                else
                {
                    errors.AddRange(IsDns1123Subdomain(prefix).Select(m => "prefix part " + m));
                }

                break;
            default:
                errors.Add("a qualified name " + RegexError(QualifiedNameErrMsg, QualifiedNameFmt, "MyName", "my.name", "123-abc")
                    + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
                return errors;
        }

        if (name.Length == 0)
        {
            errors.Add("name part " + EmptyError());
        }
        else if (Encoding.UTF8.GetByteCount(name) > QualifiedNameMaxLength)
        {
            errors.Add("name part " + MaxLenError(QualifiedNameMaxLength));
        }

        if (!QualifiedNameRegex().IsMatch(name))
        {
            errors.Add("name part " + RegexError(QualifiedNameErrMsg, QualifiedNameFmt, "MyName", "my.name", "123-abc"));
        }

        return errors;
    }

    public static List<string> IsValidLabelValue(string value)
    {
        var errors = new List<string>();
        if (Encoding.UTF8.GetByteCount(value) > LabelValueMaxLength)
        {
            errors.Add(MaxLenError(LabelValueMaxLength));
        }

        if (!LabelValueRegex().IsMatch(value))
        {
            errors.Add(RegexError(LabelValueErrMsg, LabelValueFmt, "MyValue", "my_value", "12345"));
        }

        return errors;
    }

    /// <summary><c>metav1validation.ValidateLabelName</c>.</summary>
    public static IEnumerable<FieldError> ValidateLabelName(string name, FieldPath path) =>
        IsQualifiedName(name).Select(m => path.Invalid(name, m));

    /// <summary><c>metav1validation.ValidateLabels</c> (keys in sorted order for a stable result).</summary>
    public static IEnumerable<FieldError> ValidateLabels(IReadOnlyDictionary<string, string> labels, FieldPath path)
    {
        foreach (var key in labels.Keys.Order(StringComparer.Ordinal))
        {
            foreach (var error in ValidateLabelName(key, path))
            {
                yield return error;
            }

            foreach (var message in IsValidLabelValue(labels[key]))
            {
                yield return path.Invalid(labels[key], message);
            }
        }
    }

    /// <summary><c>apivalidation.ValidateAnnotations</c>: case-insensitive qualified names and the 256 KiB total.</summary>
    public static IEnumerable<FieldError> ValidateAnnotations(IReadOnlyDictionary<string, string> annotations, FieldPath path)
    {
        foreach (var key in annotations.Keys.Order(StringComparer.Ordinal))
        {
            foreach (var message in IsQualifiedName(key.ToLowerInvariant()))
            {
                yield return path.Invalid(key, message);
            }
        }

        var total = annotations.Sum(p => (long)Encoding.UTF8.GetByteCount(p.Key) + Encoding.UTF8.GetByteCount(p.Value));
        if (total > TotalAnnotationSizeLimit)
        {
            yield return path.TooLong("", string.Create(CultureInfo.InvariantCulture, $"must have at most {TotalAnnotationSizeLimit} bytes"));
        }
    }

    [GeneratedRegex("^" + Dns1123LabelFmt + "\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1123LabelRegex();

    [GeneratedRegex("^" + Dns1123SubdomainFmt + "\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1123SubdomainRegex();

    [GeneratedRegex("^" + QualifiedNameFmt + "\\z", RegexOptions.CultureInvariant)]
    private static partial Regex QualifiedNameRegex();

    [GeneratedRegex("^" + LabelValueFmt + "\\z", RegexOptions.CultureInvariant)]
    private static partial Regex LabelValueRegex();
}
