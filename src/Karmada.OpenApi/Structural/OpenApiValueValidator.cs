using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Karmada.Json;

namespace Karmada.OpenApi.Structural;

/// <summary>
/// The value validation of kube-openapi's <c>SchemaValidator</c> as apiextensions-apiserver runs it on custom
/// resources, with its errors converted to field errors the way <c>kubeOpenAPIResultToFieldErrors</c> does.
/// Paths inside messages are relative to the validated value ("spec.size in body ..."); the field of each
/// error is prefixed with the caller's root path.
/// </summary>
internal sealed class OpenApiValueValidator(string rootPath)
{
    private static readonly ConcurrentDictionary<string, (Regex? Regex, string? Error)> Patterns = new(StringComparer.Ordinal);
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(2);

    public void Validate(JsonNode? data, JsonObject schema, string path, List<FieldError> errors) =>
        Validate(data, schema, path, errors, null);

    /// <summary>
    /// Validates <paramref name="data"/>, skipping values unchanged from their correlated old value in
    /// <paramref name="old"/> (upstream's ratcheting drops every error found there).
    /// </summary>
    public void Validate(JsonNode? data, JsonObject schema, string path, List<FieldError> errors, CorrelatedValue? old)
    {
        if (IsUnchanged(old))
        {
            return;
        }

        var types = schema.GetTypes();
        var kind = JsonValues.KindOf(data);
        if (kind == JsonKind.Null)
        {
            // kube-openapi runs only the type and enum checks on nil.
            if (types.Count > 0 && !types.Contains("null") && !schema.IsTrue("nullable"))
            {
                errors.Add(TypeError(path, string.Join(",", types), "null"));
            }

            ValidateEnum(data, schema, path, errors);
            return;
        }

        if (types.Count > 0 && !TypeMatches(types, kind, data!))
        {
            errors.Add(TypeError(path, string.Join(",", types), SchemaTypeName(kind)));
        }

        ValidateJunctors(data, schema, path, errors);
        switch (kind)
        {
            case JsonKind.String:
                ValidateString(data!, schema, path, errors);
                ValidateFormat(data!, schema, path, errors);
                break;
            case JsonKind.Integer:
            case JsonKind.Float:
                ValidateNumber(data!, kind, schema, path, errors);
                break;
            case JsonKind.Array:
                ValidateArray((JsonArray)data!, schema, path, errors, old);
                break;
        }

        ValidateEnum(data, schema, path, errors);
        if (kind == JsonKind.Object)
        {
            ValidateObject((JsonObject)data!, schema, path, errors, old);
        }
    }

    private static bool TypeMatches(IReadOnlyList<string> types, JsonKind kind, JsonNode data)
    {
        if (types.Contains(SchemaTypeName(kind)))
        {
            return true;
        }

        if (kind == JsonKind.Integer && types.Contains("number"))
        {
            return true;
        }

        return kind == JsonKind.Float && types.Contains("integer")
            && JsonValues.TryGetDouble(data, out var number) && IsFloatAJsonInteger(number);
    }

    /// <summary>The schema type name of a kind, as kube-openapi infers it from a Go value.</summary>
    private static string SchemaTypeName(JsonKind kind) => kind switch
    {
        JsonKind.Object => "object",
        JsonKind.Array => "array",
        JsonKind.String => "string",
        JsonKind.Integer => "integer",
        JsonKind.Float => "number",
        JsonKind.Boolean => "boolean",
        _ => "null",
    };

    /// <summary>Go's <c>swag.IsFloat64AJSONInteger</c>: integral and exactly representable.</summary>
    private static bool IsFloatAJsonInteger(double value)
    {
        const double maxJsonFloat = 9007199254740992d;
        return double.IsFinite(value) && value >= -maxJsonFloat && value <= maxJsonFloat && value == Math.Truncate(value);
    }

    // The branches validate without an old value: a value reached here has changed, and upstream's correlation of the
    // properties inside a branch is not worth matching for the scalar int-or-string branches CRDs use.
    private void ValidateJunctors(JsonNode? data, JsonObject schema, string path, List<FieldError> errors)
    {
        if (schema.GetArray("anyOf") is { Count: > 0 } anyOf)
        {
            List<FieldError>? best = null;
            var succeeded = false;
            foreach (var branch in anyOf.OfType<JsonObject>())
            {
                var result = new List<FieldError>();
                Validate(data, branch, path, result);
                if (result.Count == 0)
                {
                    succeeded = true;
                    best = null;
                    break;
                }

                // kube-openapi reports the failures of the branch that matched best; fewest errors approximates that.
                if (best is null || result.Count < best.Count)
                {
                    best = result;
                }
            }

            if (!succeeded)
            {
                errors.Add(Composite(GoQuote.Quote(path) + " must validate at least one schema (anyOf)"));
            }

            if (best is not null)
            {
                errors.AddRange(best);
            }
        }

        if (schema.GetArray("oneOf") is { Count: > 0 } oneOf)
        {
            List<FieldError>? best = null;
            var validated = 0;
            foreach (var branch in oneOf.OfType<JsonObject>())
            {
                var result = new List<FieldError>();
                Validate(data, branch, path, result);
                if (result.Count == 0)
                {
                    validated++;
                    best = null;
                    continue;
                }

                if (validated == 0 && (best is null || result.Count < best.Count))
                {
                    best = result;
                }
            }

            if (validated != 1)
            {
                var detail = validated == 0 ? "Found none valid" : $"Found {validated} valid alternatives";
                errors.Add(Composite(GoQuote.Quote(path) + " must validate one and only one schema (oneOf). " + detail));
                if (best is not null)
                {
                    errors.AddRange(best);
                }
            }
        }

        if (schema.GetArray("allOf") is { Count: > 0 } allOf)
        {
            var validated = 0;
            var branches = allOf.OfType<JsonObject>().ToList();
            foreach (var branch in branches)
            {
                var result = new List<FieldError>();
                Validate(data, branch, path, result);
                if (result.Count == 0)
                {
                    validated++;
                }

                errors.AddRange(result);
            }

            if (validated != branches.Count)
            {
                var detail = validated == 0 ? ". None validated" : string.Empty;
                errors.Add(Composite(GoQuote.Quote(path) + " must validate all the schemas (allOf)" + detail));
            }
        }

        if (schema.GetObject("not") is { } not)
        {
            var result = new List<FieldError>();
            Validate(data, not, path, result);
            if (result.Count == 0)
            {
                errors.Add(Composite(GoQuote.Quote(path) + " must not validate the schema (not)"));
            }
        }
    }

    private void ValidateString(JsonNode data, JsonObject schema, string path, List<FieldError> errors)
    {
        // Most string fields have no length or pattern rule: their text is not even read then.
        var maxLength = schema.GetLong("maxLength");
        var minLength = schema.GetLong("minLength");
        var pattern = schema.GetString("pattern");
        if (maxLength is null && minLength is null && string.IsNullOrEmpty(pattern))
        {
            return;
        }

        var text = data.GetValue<string>();
        var length = maxLength is null && minLength is null ? 0 : RuneCount(text);

        // kube-openapi stops at the first failing string check.
        if (maxLength is { } max && length > max)
        {
            errors.Add(new FieldError(FieldErrorType.TooLong, Field(path), data, $"may not be longer than {max}"));
            return;
        }

        if (minLength is { } min && length < min)
        {
            errors.Add(FieldError.Invalid(Field(path), data, $"{path} in body should be at least {min} chars long"));
            return;
        }

        if (pattern is { Length: > 0 })
        {
            var (regex, error) = Patterns.GetOrAdd(pattern, Compile);
            if (regex is null)
            {
                errors.Add(FieldError.Invalid(Field(path), data, $"{path} in body should match '{pattern}, but pattern is invalid: {error}'"));
            }
            else if (!IsMatch(regex, text))
            {
                errors.Add(FieldError.Invalid(Field(path), data, $"{path} in body should match '{pattern}'"));
            }
        }
    }

    // Lengths count Unicode code points, as Go's utf8.RuneCountInString.
    private static int RuneCount(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    private void ValidateFormat(JsonNode data, JsonObject schema, string path, List<FieldError> errors)
    {
        // apiextensions strips formats it does not support, and any format on non-string types, before validating.
        if (schema.GetString("format") is not { Length: > 0 } format || schema.GetTypeKeyword() is not ("" or "string")
            || !StringFormats.IsKnown(format))
        {
            return;
        }

        var text = data.GetValue<string>();
        if (!StringFormats.IsValid(format, text))
        {
            errors.Add(new FieldError(FieldErrorType.TypeInvalid, Field(path), data, $"{path} in body must be of type {format}: {GoQuote.Quote(text)}"));
        }
    }

    private void ValidateNumber(JsonNode data, JsonKind kind, JsonObject schema, string path, List<FieldError> errors)
    {
        var multipleOf = schema.GetDouble("multipleOf");
        var maximum = schema.GetDouble("maximum");
        var minimum = schema.GetDouble("minimum");
        var exclusiveMaximum = schema.IsTrue("exclusiveMaximum");
        var exclusiveMinimum = schema.IsTrue("exclusiveMinimum");

        if (kind == JsonKind.Integer && JsonValues.TryGetInteger(data, out var integer))
        {
            // kube-openapi compares integers against the bounds converted to int64 (truncated), as Go converts them.
            if (multipleOf is { } factor && ToInt64(factor) is var intFactor && intFactor != 0)
            {
                if (intFactor < 0)
                {
                    errors.Add(FieldError.Invalid(Field(path), JsonValue.Create(intFactor), $"factor MultipleOf declared for {path} must be positive: {intFactor}"));
                }
                else if (integer % intFactor != 0)
                {
                    errors.Add(FieldError.Invalid(Field(path), data, $"{path} in body should be a multiple of {intFactor}"));
                }
            }

            if (minimum is { } min && ToInt64(min) is var intMin
                && ((!exclusiveMinimum && integer < intMin) || (exclusiveMinimum && integer <= intMin)))
            {
                errors.Add(FieldError.Invalid(Field(path), data, $"{path} in body should be {(exclusiveMinimum ? "greater than" : "greater than or equal to")} {intMin}"));
            }

            if (maximum is { } max && ToInt64(max) is var intMax
                && ((!exclusiveMaximum && integer > intMax) || (exclusiveMaximum && integer >= intMax)))
            {
                errors.Add(FieldError.Invalid(Field(path), data, $"{path} in body should be {(exclusiveMaximum ? "less than" : "less than or equal to")} {intMax}"));
            }

            return;
        }

        JsonValues.TryGetDouble(data, out var number);
        if (multipleOf is { } floatFactor)
        {
            if (floatFactor < 0)
            {
                errors.Add(FieldError.Invalid(Field(path), JsonValue.Create(floatFactor), $"factor MultipleOf declared for {path} must be positive: {GoFloat.FormatG(floatFactor)}"));
            }
            else if (floatFactor > 0)
            {
                var quotient = floatFactor < 1 ? 1 / floatFactor * number : number / floatFactor;
                if (!IsFloatAJsonInteger(quotient))
                {
                    errors.Add(FieldError.Invalid(Field(path), data, $"{path} in body should be a multiple of {GoFloat.FormatG(floatFactor)}"));
                }
            }
        }

        if (minimum is { } floatMin && ((!exclusiveMinimum && number < floatMin) || (exclusiveMinimum && number <= floatMin)))
        {
            errors.Add(FieldError.Invalid(Field(path), data, $"{path} in body should be {(exclusiveMinimum ? "greater than" : "greater than or equal to")} {GoFloat.FormatG(floatMin)}"));
        }

        if (maximum is { } floatMax && ((!exclusiveMaximum && number > floatMax) || (exclusiveMaximum && number >= floatMax)))
        {
            errors.Add(FieldError.Invalid(Field(path), data, $"{path} in body should be {(exclusiveMaximum ? "less than" : "less than or equal to")} {GoFloat.FormatG(floatMax)}"));
        }
    }

    private void ValidateArray(JsonArray array, JsonObject schema, string path, List<FieldError> errors, CorrelatedValue? old)
    {
        if (schema.GetItems() is { } items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                var item = old?.Item(i);
                if (!IsUnchanged(item))
                {
                    Validate(array[i], items, path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", errors, item);
                }
            }
        }

        var size = array.Count;
        if (schema.GetLong("minItems") is { } minItems && size < minItems)
        {
            errors.Add(FieldError.Invalid(Field(path), JsonValue.Create((long)size), $"{path} in body should have at least {minItems} items"));
        }

        if (schema.GetLong("maxItems") is { } maxItems && size > maxItems)
        {
            errors.Add(new FieldError(FieldErrorType.TooMany, Field(path), JsonValue.Create((long)size), $"must have at most {maxItems} items"));
        }

        if (schema.IsTrue("uniqueItems") && HasDuplicates(array))
        {
            errors.Add(FieldError.Invalid(Field(path), string.Empty, $"{path} in body shouldn't contain duplicates"));
        }
    }

    private void ValidateEnum(JsonNode? data, JsonObject schema, string path, List<FieldError> errors)
    {
        if (schema.GetArray("enum") is not { Count: > 0 } values)
        {
            return;
        }

        // A loop, not Any with a lambda: the lambda's closure over data was allocated on every call, enum or not.
        for (var i = 0; i < values.Count; i++)
        {
            if (JsonValueComparer.AreEqual(data, values[i]))
            {
                return;
            }
        }

        // apiextensions lists string values verbatim and marshals every other value to JSON.
        var supported = values.Select(value => JsonValues.AsString(value) ?? GoJson.Marshal(value));
        errors.Add(FieldError.NotSupported(Field(path), data, supported));
    }

    private void ValidateObject(JsonObject data, JsonObject schema, string path, List<FieldError> errors, CorrelatedValue? old)
    {
        var count = data.Count;
        if (schema.GetLong("minProperties") is { } minProperties && count < minProperties)
        {
            errors.Add(FieldError.Invalid(Field(path), JsonValue.Create((long)count), $"{path} in body should have at least {minProperties} properties"));
            return;
        }

        if (schema.GetLong("maxProperties") is { } maxProperties && count > maxProperties)
        {
            errors.Add(new FieldError(FieldErrorType.TooMany, Field(path), JsonValue.Create((long)count), $"must have at most {maxProperties} items"));
            return;
        }

        var properties = schema.GetProperties();
        var (allows, additional) = schema.GetAdditionalProperties();
        if (allows == false)
        {
            foreach (var key in data.Select(pair => pair.Key))
            {
                if (properties is null || !properties.ContainsKey(key))
                {
                    errors.Add(FieldError.Invalid(Field(path), key, $"{path}.{key} in body is a forbidden property"));
                }
            }
        }
        else if (additional is not null)
        {
            for (var i = 0; i < data.Count; i++)
            {
                var (key, value) = data.GetAt(i);
                if ((properties is null || !properties.ContainsKey(key)) && Correlate(old, path, key) is var child && !IsUnchanged(child))
                {
                    Validate(value, additional, path + "." + key, errors, child);
                }
            }
        }

        if (properties is not null)
        {
            // Index loops: enumerating a JsonObject with foreach boxes its enumerator, once per validated object.
            for (var i = 0; i < properties.Count; i++)
            {
                var (name, propertySchema) = properties.GetAt(i);
                if (propertySchema is JsonObject property && data.TryGetPropertyValue(name, out var value)
                    && Correlate(old, path, name) is var child && !IsUnchanged(child))
                {
                    Validate(value, property, path.Length == 0 ? name : path + "." + name, errors, child);
                }
            }
        }

        if (schema.GetArray("required") is { } required)
        {
            foreach (var name in required.Select(JsonValues.AsString).OfType<string>())
            {
                if (!data.ContainsKey(name))
                {
                    errors.Add(FieldError.Required(Field(path + "." + name)));
                }
            }
        }
    }

    /// <summary>
    /// The correlated property, except the root's apiVersion and kind, which upstream never ratchets: the stored and
    /// the new object are converted to the same version before validation, so a change there could not be seen.
    /// </summary>
    private static CorrelatedValue? Correlate(CorrelatedValue? old, string path, string name) =>
        old is null || (path.Length == 0 && name is "apiVersion" or "kind") ? null : old.Property(name);

    // Checked before a child's path is built, so unchanged values cost no allocation.
    private static bool IsUnchanged(CorrelatedValue? old) => old is { IsUnchanged: true };

    private static bool HasDuplicates(JsonArray array)
    {
        for (var i = 1; i < array.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (JsonValueComparer.AreEqual(array[i], array[j]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static long ToInt64(double value)
    {
        if (value >= long.MaxValue)
        {
            return long.MaxValue;
        }

        return value <= long.MinValue ? long.MinValue : (long)Math.Truncate(value);
    }

    private static (Regex? Regex, string? Error) Compile(string pattern)
    {
        try
        {
            return (new Regex(pattern, RegexOptions.CultureInvariant, PatternTimeout), null);
        }
        catch (ArgumentException ex)
        {
            return (null, ex.Message);
        }
    }

    private static bool IsMatch(Regex regex, string text)
    {
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological pattern must not hang the request; treat the value as not matching.
            return false;
        }
    }

    private FieldError TypeError(string path, string expected, string actual) =>
        new(FieldErrorType.TypeInvalid, Field(path), JsonValue.Create(actual), $"{path} in body must be of type {expected}: {GoQuote.Quote(actual)}");

    private FieldError Composite(string message) => FieldError.Invalid(RootField(), string.Empty, message);

    /// <summary>apiextensions' <c>fldPath.Child(strings.TrimPrefix(err.Name, "."))</c>.</summary>
    private string Field(string name)
    {
        var relative = name.StartsWith('.') ? name[1..] : name;
        if (relative.Length == 0)
        {
            return RootField();
        }

        return rootPath.Length == 0 ? relative : rootPath + "." + relative;
    }

    /// <summary>A nil <c>*field.Path</c> prints as <c>&lt;nil&gt;</c>, which is what upstream shows for errors about the root.</summary>
    private string RootField() => rootPath.Length == 0 ? "<nil>" : rootPath;
}
