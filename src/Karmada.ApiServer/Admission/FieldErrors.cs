using Karmada.ApiServer.Http;

namespace Karmada.ApiServer.Admission;

/// <summary>Collects field errors in apimachinery's wording and turns them into one 422 Invalid.</summary>
public sealed class FieldErrors
{
    private readonly List<StatusCause> _causes = [];

    public bool Any => _causes.Count > 0;

    public IReadOnlyList<StatusCause> Causes => _causes;

    public void Required(string field, string detail = "") =>
        _causes.Add(new StatusCause("FieldValueRequired", detail.Length == 0 ? "Required value" : $"Required value: {detail}", field));

    public void Invalid(string field, object? value, string detail) =>
        _causes.Add(new StatusCause("FieldValueInvalid", $"Invalid value: {Render(value)}: {detail}", field));

    public void NotSupported(string field, object? value, IEnumerable<string> supported) =>
        _causes.Add(new StatusCause("FieldValueNotSupported", $"Unsupported value: {Render(value)}: supported values: {string.Join(", ", supported.Select(s => $"\"{s}\""))}", field));

    public void Forbidden(string field, string detail) =>
        _causes.Add(new StatusCause("FieldValueForbidden", $"Forbidden: {detail}", field));

    public void Duplicate(string field, object? value) =>
        _causes.Add(new StatusCause("FieldValueDuplicate", $"Duplicate value: {Render(value)}", field));

    public void Add(StatusCause cause) => _causes.Add(cause);

    public void ThrowIfAny(Resources.ResourceDefinition resource, string name)
    {
        if (_causes.Count > 0)
        {
            throw new ApiException(Errors.Invalid(resource, name, _causes));
        }
    }

    public static string Render(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        bool b => b ? "true" : "false",
        System.Text.Json.Nodes.JsonValue v when v.TryGetValue<string>(out var s) => $"\"{s}\"",
        System.Text.Json.Nodes.JsonNode n => n.ToJsonString(),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
