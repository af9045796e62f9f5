using System.Globalization;

namespace Karmada.Policy.Admission;

/// <summary>An immutable field path built like apimachinery's <c>field.Path</c>: <c>a.b[0][key]</c>.</summary>
internal sealed class FieldPath
{
    private readonly string _text;

    private FieldPath(string text)
    {
        _text = text;
    }

    public static FieldPath Root(string name) => new(name);

    public FieldPath Child(string name) => new(_text.Length == 0 ? name : _text + "." + name);

    public FieldPath Index(int index) => new(_text + "[" + index.ToString(CultureInfo.InvariantCulture) + "]");

    public FieldPath Key(string key) => new(_text + "[" + key + "]");

    public override string ToString() => _text;

    public FieldError Invalid(object? value, string message) => new(_text, FieldErrorType.Invalid, message, value);

    public FieldError Required(string message = "") => new(_text, FieldErrorType.Required, message, null);

    public FieldError Forbidden(string message) => new(_text, FieldErrorType.Forbidden, message, null);

    public FieldError Duplicate(object? value, string message = "") => new(_text, FieldErrorType.Duplicate, message, value);

    public FieldError TooLong(object? value, string message) => new(_text, FieldErrorType.TooLong, message, value);

    public FieldError NotSupported(object? value, IReadOnlyList<string> supported) =>
        new(_text, FieldErrorType.NotSupported, "supported values: " + string.Join(", ", supported.Select(s => "\"" + s + "\"")), value)
        {
            SupportedValues = supported,
        };
}
