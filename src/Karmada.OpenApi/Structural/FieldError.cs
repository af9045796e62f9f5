using System.Text.Json.Nodes;
using Karmada.Json;

namespace Karmada.OpenApi.Structural;

/// <summary>
/// One field-level validation error, shaped like apimachinery's <c>field.Error</c> so that the API server can
/// render the same Status message and causes that kube-apiserver does.
/// </summary>
/// <param name="Type">What is wrong.</param>
/// <param name="Field">The JSON path of the field, e.g. <c>spec.size</c> or <c>spec.items[2].name</c>.</param>
/// <param name="BadValue">The offending value as it is printed; ignored for Required, Forbidden, TooLong and Internal.</param>
/// <param name="Detail">Free text appended after the value.</param>
public sealed record FieldError(FieldErrorType Type, string Field, JsonNode? BadValue, string Detail)
{
    /// <summary>
    /// The text after the field name, e.g. <c>Invalid value: -1: spec.size in body should be greater than or equal to 0</c>.
    /// It is the <c>message</c> of a Status cause.
    /// </summary>
    public string ErrorBody
    {
        get
        {
            string body;
            switch (Type)
            {
                case FieldErrorType.Required:
                case FieldErrorType.Forbidden:
                case FieldErrorType.TooLong:
                case FieldErrorType.Internal:
                    body = TypeText(Type);
                    break;
                default:
                    body = TypeText(Type) + ": " + FormatBadValue(BadValue);
                    break;
            }

            return Detail.Length == 0 ? body : body + ": " + Detail;
        }
    }

    /// <summary>The Status cause reason, e.g. <c>FieldValueInvalid</c>.</summary>
    public string CauseReason => Type switch
    {
        FieldErrorType.NotFound => "FieldValueNotFound",
        FieldErrorType.Required => "FieldValueRequired",
        FieldErrorType.Duplicate => "FieldValueDuplicate",
        FieldErrorType.Invalid => "FieldValueInvalid",
        FieldErrorType.NotSupported => "FieldValueNotSupported",
        FieldErrorType.Forbidden => "FieldValueForbidden",
        FieldErrorType.TooLong => "FieldValueTooLong",
        FieldErrorType.TooMany => "FieldValueTooMany",
        FieldErrorType.Internal => "InternalError",
        FieldErrorType.TypeInvalid => "FieldValueTypeInvalid",
        _ => throw new InvalidOperationException($"unknown field error type {Type}"),
    };

    /// <summary>Kubernetes' text, e.g. <c>spec.name: Required value</c>.</summary>
    public override string ToString() => Field + ": " + ErrorBody;

    internal static FieldError Required(string field, string detail = "") => new(FieldErrorType.Required, field, JsonValue.Create(string.Empty), detail);

    internal static FieldError Forbidden(string field, string detail) => new(FieldErrorType.Forbidden, field, JsonValue.Create(string.Empty), detail);

    internal static FieldError Invalid(string field, JsonNode? value, string detail) => new(FieldErrorType.Invalid, field, value, detail);

    internal static FieldError Invalid(string field, string value, string detail) => new(FieldErrorType.Invalid, field, JsonValue.Create(value), detail);

    internal static FieldError Duplicate(string field, JsonNode? value) => new(FieldErrorType.Duplicate, field, value, string.Empty);

    internal static FieldError NotSupported(string field, JsonNode? value, IEnumerable<string> validValues)
    {
        var quoted = string.Join(", ", validValues.Select(GoQuote.Quote));
        return new(FieldErrorType.NotSupported, field, value, quoted.Length == 0 ? string.Empty : "supported values: " + quoted);
    }

    // field.Error prints a nil value as "null" in quotes and every other value with %#v.
    private static string FormatBadValue(JsonNode? value) => JsonValues.IsNull(value) ? GoQuote.Quote("null") : GoValueFormat.SharpV(value);

    private static string TypeText(FieldErrorType type) => type switch
    {
        FieldErrorType.NotFound => "Not found",
        FieldErrorType.Required => "Required value",
        FieldErrorType.Duplicate => "Duplicate value",
        FieldErrorType.Invalid => "Invalid value",
        FieldErrorType.NotSupported => "Unsupported value",
        FieldErrorType.Forbidden => "Forbidden",
        FieldErrorType.TooLong => "Too long",
        FieldErrorType.TooMany => "Too many",
        FieldErrorType.Internal => "Internal error",
        FieldErrorType.TypeInvalid => "Invalid value",
        _ => throw new InvalidOperationException($"unknown field error type {type}"),
    };
}
