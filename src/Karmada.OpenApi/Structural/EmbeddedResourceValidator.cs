using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Karmada.Json;

namespace Karmada.OpenApi.Structural;

/// <summary>
/// apiextensions' <c>objectmeta.Validate</c>: objects under <c>x-kubernetes-embedded-resource</c> must carry a
/// string apiVersion that parses as a group/version, a kind that is a DNS-1035 label up to case, and valid metadata.
/// </summary>
internal static partial class EmbeddedResourceValidator
{
    private static readonly string Dns1035Message = ObjectMetaValidator.RegexError(
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
        "[a-z]([-a-z0-9]*[a-z0-9])?",
        "my-name",
        "abc-123");

    // Per schema node, whether it or any schema below it (through properties, additionalProperties and items, the
    // edges Validate follows) marks an embedded resource. Most schemas mark none (a binding's, a policy's): their
    // values are then not walked at all, where the walk built a path string for every object and list in them.
    private static readonly ConditionalWeakTable<JsonObject, StrongBox<bool>> MarksBelow = new();

    // Deeper than any schema of this API server; a schema that deep is walked rather than searched further.
    private const int MaxSearchDepth = 64;

    public static void Validate(JsonNode? value, JsonObject? schema, string path, List<FieldError> errors)
    {
        if (schema is null || value is not (JsonObject or JsonArray) || !MarksEmbeddedBelow(schema))
        {
            return;
        }

        switch (value)
        {
            case JsonObject obj:
                if (schema.IsTrue(SchemaAccess.EmbeddedResource))
                {
                    ValidateEmbeddedResource(obj, path, errors);
                }

                var additional = schema.GetAdditionalProperties().Schema;
                for (var i = 0; i < obj.Count; i++)
                {
                    var (key, child) = obj.GetAt(i);
                    // Only objects and lists can hold an embedded resource; a scalar needs no walk (nor a path).
                    if (child is not (JsonObject or JsonArray))
                    {
                        continue;
                    }

                    if (schema.GetProperty(key) is { } property)
                    {
                        Validate(child, property, FieldPath.Child(path, key), errors);
                    }
                    else if (additional is not null)
                    {
                        Validate(child, additional, FieldPath.Key(path, key), errors);
                    }
                }

                break;
            case JsonArray array when schema.GetItems() is { } items:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonObject or JsonArray)
                    {
                        Validate(array[i], items, FieldPath.Index(path, i), errors);
                    }
                }

                break;
        }
    }

    private static bool MarksEmbeddedBelow(JsonObject schema) =>
        MarksBelow.GetValue(schema, static s => new StrongBox<bool>(SearchEmbedded(s, 0))).Value;

    private static bool SearchEmbedded(JsonObject schema, int depth)
    {
        if (depth > MaxSearchDepth || schema.IsTrue(SchemaAccess.EmbeddedResource))
        {
            return true;
        }

        if (schema.GetProperties() is { } properties)
        {
            for (var i = 0; i < properties.Count; i++)
            {
                if (properties.GetAt(i).Value is JsonObject property && SearchEmbedded(property, depth + 1))
                {
                    return true;
                }
            }
        }

        return (schema.GetAdditionalProperties().Schema is { } additional && SearchEmbedded(additional, depth + 1))
            || (schema.GetItems() is { } items && SearchEmbedded(items, depth + 1));
    }

    private static void ValidateEmbeddedResource(JsonObject obj, string path, List<FieldError> errors)
    {
        var apiVersionPath = FieldPath.Child(path, "apiVersion");
        var kindPath = FieldPath.Child(path, "kind");

        // apiVersion and kind are required, metadata is not.
        if (!obj.ContainsKey("apiVersion"))
        {
            errors.Add(FieldError.Required(apiVersionPath));
        }

        if (!obj.ContainsKey("kind"))
        {
            errors.Add(FieldError.Required(kindPath));
        }

        if (obj.TryGetPropertyValue("apiVersion", out var apiVersionNode))
        {
            if (JsonValues.AsString(apiVersionNode) is not { } apiVersion)
            {
                errors.Add(FieldError.Invalid(apiVersionPath, apiVersionNode?.DeepClone(), "must be a string"));
            }
            else if (apiVersion.Length == 0)
            {
                errors.Add(FieldError.Required(apiVersionPath));
            }
            else if (apiVersion.AsSpan().Count('/') > 1)
            {
                errors.Add(FieldError.Invalid(apiVersionPath, apiVersion, "unexpected GroupVersion string: " + apiVersion));
            }
        }

        if (obj.TryGetPropertyValue("kind", out var kindNode))
        {
            if (JsonValues.AsString(kindNode) is not { } kind)
            {
                errors.Add(FieldError.Invalid(kindPath, kindNode?.DeepClone(), "must be a string"));
            }
            else if (kind.Length == 0)
            {
                errors.Add(FieldError.Required(kindPath));
            }
            else
            {
                var problems = new List<string>();
                var lower = kind.ToLowerInvariant();
                if (lower.Length > 63)
                {
                    problems.Add("must be no more than 63 characters");
                }

                if (!Dns1035Regex().IsMatch(lower))
                {
                    problems.Add(Dns1035Message);
                }

                if (problems.Count > 0)
                {
                    errors.Add(FieldError.Invalid(kindPath, kind, "may have mixed case, but should otherwise match: " + string.Join(",", problems)));
                }
            }
        }

        if (obj.TryGetPropertyValue("metadata", out var metadata))
        {
            if (metadata is JsonObject metadataObject)
            {
                ObjectMetaValidator.Validate(metadataObject, FieldPath.Child(path, "metadata"), errors);
            }
            else if (!JsonValues.IsNull(metadata))
            {
                errors.Add(FieldError.Invalid(FieldPath.Child(path, "metadata"), metadata!.DeepClone(), "must be an object"));
            }
        }
    }

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1035Regex();
}
