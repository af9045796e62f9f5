using System.Text.Json.Nodes;

namespace Karmada.OpenApi.Structural;

/// <summary>
/// Validates a JSON value against a CRD-dialect <c>openAPIV3Schema</c> the way kube-apiserver validates custom
/// resources: kube-openapi value validation, then the embedded-resource rules (type meta and metadata), then
/// list-set/list-map uniqueness.
/// </summary>
/// <remarks>
/// The schema is only read, so one schema may serve concurrent validations once all of its nodes exist (nodes parsed
/// with <see cref="JsonNode.Parse(string, JsonNodeOptions?, System.Text.Json.JsonDocumentOptions)"/> are created lazily on first read;
/// the schemas of <see cref="Generation.BuiltInSchemas"/> are fully built).
/// </remarks>
public static class SchemaValidator
{
    /// <summary>
    /// Validates <paramref name="value"/> against <paramref name="schema"/>.
    /// </summary>
    /// <param name="value">The object (or any JSON value) to validate; it is not modified.</param>
    /// <param name="schema">A structural schema with all references inlined.</param>
    /// <param name="rootPath">
    /// Prefix of every error's field. Upstream passes none for custom resources, so an empty root gives fields like
    /// <c>spec.size</c>; messages always use paths relative to <paramref name="value"/>.
    /// </param>
    /// <returns>The errors in upstream order; empty when the value is valid.</returns>
    public static IReadOnlyList<FieldError> Validate(JsonNode? value, JsonObject schema, string rootPath = "")
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(rootPath);

        var errors = new List<FieldError>();
        new OpenApiValueValidator(rootPath).Validate(value, schema, string.Empty, errors);
        EmbeddedResourceValidator.Validate(value, schema, rootPath, errors);
        if (value is JsonObject obj)
        {
            ListTypeValidator.Validate(obj, schema, rootPath, errors);
        }

        return errors;
    }

    /// <summary>
    /// Validates an update of <paramref name="oldValue"/> to <paramref name="value"/> as kube-apiserver validates a custom
    /// resource update: value validation with ratcheting (values unchanged from their correlated old value are not held
    /// against the update), the embedded-resource rules on the whole new value, and the list-set/list-map rules only when
    /// the old value kept them.
    /// </summary>
    public static IReadOnlyList<FieldError> ValidateUpdate(JsonNode? value, JsonNode? oldValue, JsonObject schema, string rootPath = "")
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(rootPath);

        // One correlation serves both ratcheting validators, so each value is compared with its old value once.
        var correlation = oldValue is null ? null : CorrelatedValue.Of(value, oldValue, schema);
        var errors = new List<FieldError>();
        new OpenApiValueValidator(rootPath).Validate(value, schema, string.Empty, errors, correlation);
        EmbeddedResourceValidator.Validate(value, schema, rootPath, errors);
        if (value is JsonObject obj)
        {
            if (oldValue is JsonObject old && correlation is not null)
            {
                ListTypeValidator.ValidateUpdate(obj, old, correlation, schema, rootPath, errors);
            }
            else
            {
                ListTypeValidator.Validate(obj, schema, rootPath, errors);
            }
        }

        return errors;
    }
}
