using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Karmada.Json;

namespace Karmada.OpenApi.Structural;

/// <summary>
/// Checks that a CRD <c>openAPIV3Schema</c> is structural (apiextensions' <c>ValidateStructural</c>) and follows the
/// CRD schema rules that depend on it: list types, unique items, additionalProperties and valid, pruned defaults.
/// </summary>
public static class StructuralSchemaChecker
{
    /// <summary>The path upstream reports for a v1beta1-style CRD schema.</summary>
    public const string DefaultRootPath = "spec.validation.openAPIV3Schema";

    private static readonly HashSet<string> ListTypes = new(StringComparer.Ordinal) { "atomic", "set", "map" };

    private enum Level
    {
        Root,
        Item,
        Field,
    }

    /// <summary>Checks <paramref name="schema"/>, reporting paths under <see cref="DefaultRootPath"/>.</summary>
    /// <param name="schema">The CRD validation schema.</param>
    /// <returns>The errors sorted by their text, as upstream sorts them; empty for a valid structural schema.</returns>
    public static IReadOnlyList<FieldError> Check(JsonObject schema) => Check(schema, DefaultRootPath);

    /// <summary>Checks <paramref name="schema"/>, reporting paths under <paramref name="rootPath"/>, e.g. <c>spec.versions[0].schema.openAPIV3Schema</c>.</summary>
    /// <param name="schema">The CRD validation schema.</param>
    /// <param name="rootPath">The field path of the schema inside the CRD.</param>
    /// <returns>The errors sorted by their text; empty for a valid structural schema.</returns>
    public static IReadOnlyList<FieldError> Check(JsonObject schema, string rootPath)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(rootPath);

        var errors = new List<FieldError>();
        CheckInvariants(schema, Level.Root, rootPath, errors);
        CheckCompleteness(schema, rootPath, errors);
        errors.Sort((left, right) => string.CompareOrdinal(left.ToString(), right.ToString()));
        return errors;
    }

    private static void CheckInvariants(JsonObject s, Level level, string path, List<FieldError> errors)
    {
        var type = s.GetTypeKeyword();
        var items = s.GetItems();
        if (type == "array" && items is null && s["items"] is not JsonArray)
        {
            errors.Add(FieldError.Required(FieldPath.Child(path, "items"), "must be specified"));
        }

        if (items is not null)
        {
            CheckInvariants(items, Level.Item, FieldPath.Child(path, "items"), errors);
        }

        var properties = s.GetProperties();
        if (properties is not null)
        {
            foreach (var (name, node) in properties)
            {
                if (node is JsonObject property)
                {
                    CheckInvariants(property, Level.Field, PropertyPath(path, name), errors);
                }
            }
        }

        if (s.ContainsKey("additionalProperties"))
        {
            if (level == Level.Root)
            {
                errors.Add(FieldError.Forbidden(FieldPath.Child(path, "additionalProperties"), "must not be used at the root"));
            }

            if (s.GetAdditionalProperties().Schema is { } additional)
            {
                CheckInvariants(additional, Level.Field, FieldPath.Child(path, "additionalProperties"), errors);
            }
        }

        var intOrString = s.IsTrue(SchemaAccess.IntOrString);
        var preserve = s.IsTrue(SchemaAccess.PreserveUnknownFields);
        var embedded = s.IsTrue(SchemaAccess.EmbeddedResource);
        if (intOrString && preserve)
        {
            errors.Add(FieldError.Invalid(FieldPath.Child(path, SchemaAccess.PreserveUnknownFields), JsonValue.Create(true), "must be false if x-kubernetes-int-or-string is true"));
        }

        if (intOrString && embedded)
        {
            errors.Add(FieldError.Invalid(FieldPath.Child(path, SchemaAccess.EmbeddedResource), JsonValue.Create(true), "must be false if x-kubernetes-int-or-string is true"));
        }

        CheckValueValidation(s, IsIntOrStringAnyOf(s), IsIntOrStringAllOf(s), level, path, errors);

        var checkMetadata = level == Level.Root || embedded;
        if (embedded && type != "object")
        {
            errors.Add(type.Length == 0
                ? FieldError.Required(FieldPath.Child(path, "type"), "must be object if x-kubernetes-embedded-resource is true")
                : FieldError.Invalid(FieldPath.Child(path, "type"), type, "must be object if x-kubernetes-embedded-resource is true"));
        }
        else if (type.Length == 0 && !intOrString && !preserve)
        {
            var detail = level switch
            {
                Level.Root => "must not be empty at the root",
                Level.Item => "must not be empty for specified array items",
                _ => "must not be empty for specified object fields",
            };
            errors.Add(FieldError.Required(FieldPath.Child(path, "type"), detail));
        }

        if (embedded && s.ContainsKey("additionalProperties"))
        {
            errors.Add(FieldError.Forbidden(FieldPath.Child(path, "additionalProperties"), "must not be used if x-kubernetes-embedded-resource is set"));
        }

        if (level == Level.Root && type.Length > 0 && type != "object")
        {
            errors.Add(FieldError.Invalid(FieldPath.Child(path, "type"), type, "must be object at the root"));
        }

        foreach (var typeMeta in new[] { "kind", "apiVersion" })
        {
            if (checkMetadata && s.GetProperty(typeMeta) is { } field && field.GetTypeKeyword() != "string")
            {
                errors.Add(FieldError.Invalid(FieldPath.Child(PropertyPath(path, typeMeta), "type"), field.GetTypeKeyword(), "must be string"));
            }
        }

        if (s.GetProperty("metadata") is { } metadata)
        {
            CheckMetadata(metadata, checkMetadata, level, PropertyPath(path, "metadata"), errors);
        }

        if (embedded && !preserve && (properties is null || properties.Count == 0))
        {
            errors.Add(FieldError.Required(FieldPath.Child(path, "properties"), "must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields"));
        }

        CheckCustomResourceRules(s, type, properties, items, path, errors);
    }

    private static void CheckMetadata(JsonObject s, bool checkMetadata, Level level, string path, List<FieldError> errors)
    {
        var type = s.GetTypeKeyword();
        if (checkMetadata && type != "object")
        {
            errors.Add(FieldError.Invalid(FieldPath.Child(path, "type"), type, "must be object"));
        }

        if (level != Level.Root)
        {
            return;
        }

        // At the root only name and generateName may be restricted; everything else comes from ObjectMeta.
        var onlyNames = true;
        foreach (var (keyword, value) in s)
        {
            switch (keyword)
            {
                case "type":
                case "default":
                    continue;
                case "properties":
                    var names = (value as JsonObject)?.Select(pair => pair.Key).ToList() ?? [];
                    if (names.Any(name => name is not ("name" or "generateName")))
                    {
                        onlyNames = false;
                    }

                    continue;
                case SchemaAccess.PreserveUnknownFields:
                case SchemaAccess.EmbeddedResource:
                case SchemaAccess.IntOrString:
                case "nullable":
                    if (!s.IsTrue(keyword))
                    {
                        continue;
                    }

                    onlyNames = false;
                    continue;
                default:
                    onlyNames = false;
                    continue;
            }
        }

        if (!onlyNames)
        {
            errors.Add(FieldError.Forbidden(path, "must not specify anything other than name and generateName, but metadata is implicitly specified"));
        }
    }

    private static void CheckValueValidation(JsonObject v, bool skipAnyOf, bool skipFirstAllOfAnyOf, Level level, string path, List<FieldError> errors)
    {
        if (!skipAnyOf)
        {
            ForEachBranch(v, "anyOf", path, (branch, branchPath) => CheckNested(branch, false, false, level, branchPath, errors));
        }

        var index = 0;
        ForEachBranch(v, "allOf", path, (branch, branchPath) => CheckNested(branch, skipFirstAllOfAnyOf && index++ == 0, false, level, branchPath, errors));
        ForEachBranch(v, "oneOf", path, (branch, branchPath) => CheckNested(branch, false, false, level, branchPath, errors));
        if (v.GetObject("not") is { } not)
        {
            CheckNested(not, false, false, level, FieldPath.Child(path, "not"), errors);
        }

        if (v.GetString("pattern") is { Length: > 0 } pattern)
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException ex)
            {
                errors.Add(FieldError.Invalid(FieldPath.Child(path, "pattern"), pattern, "must be a valid regular expression, but isn't: " + ex.Message));
            }
        }
    }

    private static void CheckNested(JsonObject v, bool skipAnyOf, bool skipAllOfAnyOf, Level level, string path, List<FieldError> errors)
    {
        CheckValueValidation(v, skipAnyOf, skipAllOfAnyOf, level, path, errors);
        if (v.GetItems() is { } items)
        {
            CheckNested(items, false, false, level, FieldPath.Child(path, "items"), errors);
        }

        if (v.GetProperties() is { } properties)
        {
            foreach (var (name, node) in properties)
            {
                if (node is JsonObject property)
                {
                    CheckNested(property, false, false, Level.Field, PropertyPath(path, name), errors);
                }
            }
        }

        if (v.GetTypeKeyword().Length > 0)
        {
            errors.Add(FieldError.Forbidden(FieldPath.Child(path, "type"), "must be empty to be structural"));
        }

        if (v.ContainsKey("additionalProperties"))
        {
            errors.Add(FieldError.Forbidden(FieldPath.Child(path, "additionalProperties"), "must be undefined to be structural"));
        }

        if (v.HasDefault())
        {
            errors.Add(FieldError.Forbidden(FieldPath.Child(path, "default"), "must be undefined to be structural"));
        }

        if (v.GetString("title") is { Length: > 0 })
        {
            errors.Add(FieldError.Forbidden(FieldPath.Child(path, "title"), "must be empty to be structural"));
        }

        if (v.GetString("description") is { Length: > 0 })
        {
            errors.Add(FieldError.Forbidden(FieldPath.Child(path, "description"), "must be empty to be structural"));
        }

        if (v.IsTrue("nullable"))
        {
            errors.Add(FieldError.Forbidden(FieldPath.Child(path, "nullable"), "must be false to be structural"));
        }

        if (v.ContainsKey("externalDocs"))
        {
            errors.Add(FieldError.Forbidden(FieldPath.Child(path, "externalDocs"), "must be undefined to be structural"));
        }

        if (v.IsTrue(SchemaAccess.PreserveUnknownFields))
        {
            errors.Add(FieldError.Forbidden(FieldPath.Child(path, SchemaAccess.PreserveUnknownFields), "must be false to be structural"));
        }

        if (v.IsTrue(SchemaAccess.EmbeddedResource))
        {
            errors.Add(FieldError.Forbidden(FieldPath.Child(path, SchemaAccess.EmbeddedResource), "must be false to be structural"));
        }

        if (v.IsTrue(SchemaAccess.IntOrString))
        {
            errors.Add(FieldError.Forbidden(FieldPath.Child(path, SchemaAccess.IntOrString), "must be false to be structural"));
        }

        if (v.GetArray(SchemaAccess.ListMapKeys) is { Count: > 0 })
        {
            errors.Add(FieldError.Forbidden(FieldPath.Child(path, SchemaAccess.ListMapKeys), "must be empty to be structural"));
        }

        if (v.ContainsKey(SchemaAccess.ListType))
        {
            errors.Add(FieldError.Forbidden(FieldPath.Child(path, SchemaAccess.ListType), "must be undefined to be structural"));
        }

        if (v.ContainsKey(SchemaAccess.MapType))
        {
            errors.Add(FieldError.Forbidden(FieldPath.Child(path, SchemaAccess.MapType), "must be undefined to be structural"));
        }

        if (v.GetArray("x-kubernetes-validations") is { Count: > 0 })
        {
            errors.Add(FieldError.Forbidden(FieldPath.Child(path, "x-kubernetes-validations"), "must be empty to be structural"));
        }

        if (v.GetProperty("metadata") is not null)
        {
            errors.Add(FieldError.Forbidden(PropertyPath(path, "metadata"), "must not be specified in a nested context"));
        }
    }

    /// <summary>Every field or array constrained inside allOf/anyOf/oneOf/not must also be specified structurally.</summary>
    private static void CheckCompleteness(JsonObject s, string path, List<FieldError> errors)
    {
        CheckJunctorCompleteness(s, s, path, path, errors);
        if (s.GetItems() is { } items)
        {
            CheckCompleteness(items, FieldPath.Child(path, "items"), errors);
        }

        if (s.GetProperties() is { } properties)
        {
            foreach (var (name, node) in properties)
            {
                if (node is JsonObject property)
                {
                    CheckCompleteness(property, PropertyPath(path, name), errors);
                }
            }
        }

        if (s.GetAdditionalProperties().Schema is { } additional)
        {
            CheckCompleteness(additional, FieldPath.Child(path, "additionalProperties"), errors);
        }
    }

    private static void CheckJunctorCompleteness(JsonObject v, JsonObject? s, string sPath, string vPath, List<FieldError> errors)
    {
        if (v.GetObject("not") is { } not)
        {
            CheckNestedCompleteness(not, s, sPath, FieldPath.Child(vPath, "not"), errors);
        }

        foreach (var junctor in new[] { "allOf", "anyOf", "oneOf" })
        {
            ForEachBranch(v, junctor, vPath, (branch, branchPath) => CheckNestedCompleteness(branch, s, sPath, branchPath, errors));
        }
    }

    private static void CheckNestedCompleteness(JsonObject v, JsonObject? s, string sPath, string vPath, List<FieldError> errors)
    {
        if (s is null)
        {
            errors.Add(FieldError.Required(sPath, "because it is defined in " + vPath));
            return;
        }

        CheckJunctorCompleteness(v, s, sPath, vPath, errors);
        if (v.GetItems() is { } items)
        {
            CheckNestedCompleteness(items, s.GetItems(), FieldPath.Child(sPath, "items"), FieldPath.Child(vPath, "items"), errors);
        }

        if (v.GetProperties() is { } properties)
        {
            foreach (var (name, node) in properties)
            {
                if (node is not JsonObject property)
                {
                    continue;
                }

                if (s.GetProperty(name) is { } structural)
                {
                    CheckNestedCompleteness(property, structural, PropertyPath(sPath, name), PropertyPath(vPath, name), errors);
                }
                else
                {
                    errors.Add(FieldError.Required(PropertyPath(sPath, name), "because it is defined in " + PropertyPath(vPath, name)));
                }
            }
        }
    }

    /// <summary>The CRD schema rules of apiextensions' validation that sit on top of structurality.</summary>
    private static void CheckCustomResourceRules(JsonObject s, string type, JsonObject? properties, JsonObject? items, string path, List<FieldError> errors)
    {
        if (s.ContainsKey("$ref"))
        {
            errors.Add(FieldError.Forbidden(FieldPath.Child(path, "$ref"), "$ref is not supported"));
        }

        if (s["items"] is JsonArray)
        {
            errors.Add(FieldError.Forbidden(FieldPath.Child(path, "items"), "items must be a schema object and not an array"));
        }

        if (s.IsTrue("uniqueItems"))
        {
            errors.Add(FieldError.Forbidden(FieldPath.Child(path, "uniqueItems"), "uniqueItems cannot be set to true since the runtime complexity becomes quadratic"));
        }

        var (allows, _) = s.GetAdditionalProperties();
        if (allows == false)
        {
            errors.Add(FieldError.Forbidden(FieldPath.Child(path, "additionalProperties"), "additionalProperties cannot be set to false"));
        }

        if (s.ContainsKey("additionalProperties") && properties is { Count: > 0 })
        {
            errors.Add(FieldError.Forbidden(FieldPath.Child(path, "additionalProperties"), "additionalProperties and properties are mutual exclusive"));
        }

        CheckListType(s, type, items, path, errors);
        CheckDefault(s, path, errors);
    }

    private static void CheckListType(JsonObject s, string type, JsonObject? items, string path, List<FieldError> errors)
    {
        var listType = s.GetString(SchemaAccess.ListType);
        var mapKeys = s.GetArray(SchemaAccess.ListMapKeys)?.Select(JsonValues.AsString).OfType<string>().ToList() ?? [];
        if (listType is not null && !ListTypes.Contains(listType))
        {
            errors.Add(FieldError.NotSupported(FieldPath.Child(path, SchemaAccess.ListType), JsonValue.Create(listType), ["atomic", "set", "map"]));
        }

        if (listType is not null && type != "array")
        {
            errors.Add(FieldError.Invalid(FieldPath.Child(path, SchemaAccess.ListType), listType, "must only be used if type is array"));
        }

        if (mapKeys.Count > 0 && listType != "map")
        {
            errors.Add(FieldError.Invalid(FieldPath.Child(path, SchemaAccess.ListType), JsonValue.Create(listType), "must be map if x-kubernetes-list-map-keys is non-empty"));
        }

        if (listType == "map")
        {
            if (mapKeys.Count == 0)
            {
                errors.Add(FieldError.Required(FieldPath.Child(path, SchemaAccess.ListMapKeys), "must not be empty if x-kubernetes-list-type is map"));
            }

            if (items is null)
            {
                errors.Add(FieldError.Required(FieldPath.Child(path, "items"), "must have a schema if x-kubernetes-list-type is map"));
            }
            else if (items.GetTypeKeyword() != "object")
            {
                errors.Add(FieldError.Invalid(FieldPath.Child(FieldPath.Child(path, "items"), "type"), items.GetTypeKeyword(), "must be object if parent array's x-kubernetes-list-type is map"));
            }
            else
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var key in mapKeys)
                {
                    if (items.GetProperty(key) is { } keySchema)
                    {
                        if (keySchema.GetTypeKeyword() is "array" or "object")
                        {
                            errors.Add(FieldError.Invalid(FieldPath.Child(PropertyPath(FieldPath.Child(path, "items"), key), "type"), keySchema.GetTypeKeyword(), "must be a scalar type if parent array's x-kubernetes-list-type is map"));
                        }
                    }
                    else
                    {
                        errors.Add(FieldError.Invalid(FieldPath.Child(path, SchemaAccess.ListMapKeys), s[SchemaAccess.ListMapKeys]?.DeepClone(), "entries must all be names of item properties"));
                    }

                    if (!seen.Add(key))
                    {
                        errors.Add(FieldError.Invalid(FieldPath.Child(path, SchemaAccess.ListMapKeys), s[SchemaAccess.ListMapKeys]?.DeepClone(), "must not contain duplicate entries"));
                    }
                }
            }
        }

        if (listType == "set" && items is not null)
        {
            var itemType = items.GetTypeKeyword();
            if (itemType == "array" && items.GetString(SchemaAccess.ListType) is { } itemListType && itemListType != "atomic")
            {
                errors.Add(FieldError.Invalid(FieldPath.Child(FieldPath.Child(path, "items"), SchemaAccess.ListType), itemListType, "must be atomic as item of a list with x-kubernetes-list-type=set"));
            }
            else if (itemType == "object" && items.GetString(SchemaAccess.MapType) != "atomic")
            {
                errors.Add(FieldError.Invalid(FieldPath.Child(FieldPath.Child(path, "items"), SchemaAccess.MapType), JsonValue.Create(items.GetString(SchemaAccess.MapType)), "must be atomic as item of a list with x-kubernetes-list-type=set"));
            }
        }
    }

    /// <summary>A default must validate against its own schema and must not carry fields the schema would prune.</summary>
    private static void CheckDefault(JsonObject s, string path, List<FieldError> errors)
    {
        if (!s.HasDefault())
        {
            return;
        }

        var defaultPath = FieldPath.Child(path, "default");
        var value = s["default"]!.DeepClone();
        var withoutDefault = (JsonObject)s.DeepClone();
        withoutDefault.Remove("default");
        errors.AddRange(SchemaValidator.Validate(value, withoutDefault, defaultPath));

        var pruned = value.DeepClone();
        if (SchemaPruner.Prune(pruned, withoutDefault, isResourceRoot: false).Count > 0)
        {
            errors.Add(FieldError.Invalid(defaultPath, value, "must not have unknown fields"));
        }
    }

    private static bool IsIntOrStringAnyOf(JsonObject s) => IsIntOrStringPattern(s.GetArray("anyOf"));

    private static bool IsIntOrStringAllOf(JsonObject s) =>
        s.GetArray("allOf") is { Count: >= 1 } allOf && allOf[0] is JsonObject first && IsIntOrStringPattern(first.GetArray("anyOf"));

    private static bool IsIntOrStringPattern(JsonArray? anyOf) =>
        anyOf is { Count: 2 } && IsOnlyType(anyOf[0], "integer") && IsOnlyType(anyOf[1], "string");

    private static bool IsOnlyType(JsonNode? node, string type) =>
        node is JsonObject { Count: 1 } branch && branch.GetTypeKeyword() == type;

    private static void ForEachBranch(JsonObject v, string junctor, string path, Action<JsonObject, string> action)
    {
        if (v.GetArray(junctor) is not { } branches)
        {
            return;
        }

        for (var i = 0; i < branches.Count; i++)
        {
            if (branches[i] is JsonObject branch)
            {
                action(branch, FieldPath.Index(FieldPath.Child(path, junctor), i));
            }
        }
    }

    private static string PropertyPath(string path, string name) => FieldPath.Key(FieldPath.Child(path, "properties"), name);
}
