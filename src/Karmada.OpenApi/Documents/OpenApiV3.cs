using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Karmada.OpenApi.Generation;

namespace Karmada.OpenApi.Documents;

/// <summary>
/// <c>/openapi/v3</c>: the index of group/version documents and the documents themselves, shaped like
/// kube-apiserver's so that kubectl finds schemas for <c>explain</c> and detects server-side field validation
/// (a PATCH operation with a <c>fieldValidation</c> parameter and an <c>x-kubernetes-group-version-kind</c>).
/// </summary>
public static class OpenApiV3
{
    /// <summary>The Content-Type of the index and of the documents.</summary>
    public const string ContentType = "application/json";

    /// <summary>The <c>info.version</c> written into documents when the caller gives none.</summary>
    public const string DefaultServerVersion = "v1.30.0";

    private const string ApiVersionDescription = "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources";
    private const string KindDescription = "Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds";
    private const string ObjectMetaDescription = "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";
    private const string ListMetaDescription = "Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds";
    private const string ScaleName = "io.k8s.api.autoscaling.v1.Scale";

    /// <summary>The path of a group/version in the index, e.g. <c>api/v1</c> for the core group or <c>apis/apps/v1</c>.</summary>
    /// <param name="group">The group, empty for core.</param>
    /// <param name="version">The version.</param>
    /// <returns>The path without a leading slash.</returns>
    public static string GroupVersionPath(string group, string version) =>
        group.Length == 0 ? "api/" + version : "apis/" + group + "/" + version;

    /// <summary>SHA-512 of a document in upper-case hex, as kube-apiserver computes the index hashes.</summary>
    /// <param name="utf8Json">The served bytes.</param>
    /// <returns>128 hex digits.</returns>
    public static string ComputeHash(ReadOnlySpan<byte> utf8Json) => Convert.ToHexString(SHA512.HashData(utf8Json));

    /// <summary>Serializes a document and hashes it.</summary>
    /// <param name="path">The group/version path, see <see cref="GroupVersionPath"/>.</param>
    /// <param name="document">The document.</param>
    /// <returns>The bytes to serve and their hash.</returns>
    public static OpenApiV3Document Render(string path, JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var bytes = Encoding.UTF8.GetBytes(document.ToJsonString());
        return new OpenApiV3Document(path, bytes, ComputeHash(bytes));
    }

    /// <summary>Builds the index: <c>{"paths":{"apis/apps/v1":{"serverRelativeURL":"/openapi/v3/apis/apps/v1?hash=…"}}}</c>.</summary>
    /// <param name="entries">One entry per served group/version.</param>
    /// <returns>The index document.</returns>
    public static JsonObject BuildIndex(IEnumerable<OpenApiIndexEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var paths = new JsonObject();
        foreach (var entry in entries.OrderBy(entry => entry.Path, StringComparer.Ordinal))
        {
            paths[entry.Path] = new JsonObject { ["serverRelativeURL"] = "/openapi/v3/" + entry.Path + "?hash=" + entry.Hash };
        }

        return new JsonObject { ["paths"] = paths };
    }

    /// <summary>Builds the index from rendered documents.</summary>
    /// <param name="documents">The documents, one per group/version.</param>
    /// <returns>The index document.</returns>
    public static JsonObject BuildIndex(IEnumerable<OpenApiV3Document> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return BuildIndex(documents.Select(document => document.IndexEntry));
    }

    /// <summary>
    /// Builds the document of one group/version: paths for the collection, item, status and scale of every resource,
    /// and the component schemas of the kinds with everything they reference.
    /// </summary>
    /// <param name="group">The group, empty for core.</param>
    /// <param name="version">The version.</param>
    /// <param name="resources">The resources served in the group/version.</param>
    /// <param name="components">Components the resource schemas reference; references not found here are taken from <see cref="BuiltInSchemas.Components"/>.</param>
    /// <param name="serverVersion">The <c>info.version</c>, e.g. <c>v1.30.0</c>.</param>
    /// <returns>The document; serialize it with <see cref="Render"/>.</returns>
    public static JsonObject BuildGroupVersionDocument(
        string group,
        string version,
        IEnumerable<OpenApiResource> resources,
        IReadOnlyDictionary<string, JsonObject>? components = null,
        string serverVersion = DefaultServerVersion)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(resources);

        var schemas = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        var paths = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var resource in resources.OrderBy(resource => resource.Plural, StringComparer.Ordinal))
        {
            var kindName = resource.SchemaName ?? DefaultSchemaName(resource);
            schemas[kindName] = KindSchema(resource);
            var listName = ListSchemaName(resource, kindName);
            if (!schemas.ContainsKey(listName) && !BuiltInSchemas.Components.ContainsKey(listName) && components?.ContainsKey(listName) != true)
            {
                schemas[listName] = ListSchema(resource, kindName);
            }

            AddPaths(paths, resource, kindName, listName);
        }

        var document = new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = serverVersion },
            ["paths"] = ToObject(paths),
        };

        AddReferencedComponents(document, schemas, components);
        document["components"] = new JsonObject { ["schemas"] = ToObject(schemas) };
        return document;
    }

    private static string DefaultSchemaName(OpenApiResource resource)
    {
        if (!resource.IsCustom && BuiltInSchemas.TryGetComponentName(resource.Group, resource.Version, resource.Kind, out var builtIn))
        {
            return builtIn;
        }

        // The CRD convention: the group's DNS labels reversed, then version and kind (com.example.v1.Widget).
        var reversed = string.Join('.', resource.Group.Split('.', StringSplitOptions.RemoveEmptyEntries).Reverse());
        return (reversed.Length == 0 ? string.Empty : reversed + ".") + resource.Version + "." + resource.Kind;
    }

    private static string ListSchemaName(OpenApiResource resource, string kindName)
    {
        if (!resource.IsCustom && BuiltInSchemas.TryGetComponentName(resource.Group, resource.Version, resource.Kind + "List", out var builtIn))
        {
            return builtIn;
        }

        return kindName + "List";
    }

    private static JsonObject KindSchema(OpenApiResource resource)
    {
        var schema = (JsonObject)resource.Schema.DeepClone();
        if (resource.IsCustom)
        {
            // As apiextensions does for CRDs: TypeMeta fields and a reference to the full ObjectMeta.
            schema["type"] ??= "object";
            if (schema["properties"] is not JsonObject properties)
            {
                properties = new JsonObject();
                schema["properties"] = properties;
            }

            properties["apiVersion"] ??= new JsonObject { ["description"] = ApiVersionDescription, ["type"] = "string" };
            properties["kind"] ??= new JsonObject { ["description"] = KindDescription, ["type"] = "string" };
            properties["metadata"] = WrappedReference(BuiltInSchemas.ObjectMetaName, ObjectMetaDescription);
        }

        schema["x-kubernetes-group-version-kind"] = new JsonArray(Gvk(resource.Group, resource.Version, resource.Kind));
        return schema;
    }

    private static JsonObject ListSchema(OpenApiResource resource, string kindName) => new()
    {
        ["description"] = $"{resource.Kind}List is a list of {resource.Kind}",
        ["type"] = "object",
        ["required"] = new JsonArray("items"),
        ["properties"] = new JsonObject
        {
            ["apiVersion"] = new JsonObject { ["description"] = ApiVersionDescription, ["type"] = "string" },
            ["items"] = new JsonObject
            {
                ["description"] = $"List of {resource.Plural}.",
                ["type"] = "array",
                ["items"] = Reference(kindName),
            },
            ["kind"] = new JsonObject { ["description"] = KindDescription, ["type"] = "string" },
            ["metadata"] = WrappedReference(BuiltInSchemas.ListMetaName, ListMetaDescription),
        },
        ["x-kubernetes-group-version-kind"] = new JsonArray(Gvk(resource.Group, resource.Version, resource.Kind + "List")),
    };

    private static void AddPaths(SortedDictionary<string, JsonObject> paths, OpenApiResource resource, string kindName, string listName)
    {
        var prefix = "/" + GroupVersionPath(resource.Group, resource.Version);
        var collection = resource.Namespaced ? $"{prefix}/namespaces/{{namespace}}/{resource.Plural}" : $"{prefix}/{resource.Plural}";
        var item = collection + "/{name}";
        var naming = new OperationNaming(resource);
        var gvk = Gvk(resource.Group, resource.Version, resource.Kind);

        paths[collection] = PathItem(resource.Namespaced, withName: false, new()
        {
            ["get"] = Operation(naming.Id("list", string.Empty), naming.Tag, "list", gvk, ListParameters(), body: null, Responses(listName, "200")),
            ["post"] = Operation(naming.Id("create", string.Empty), naming.Tag, "post", gvk, WriteParameters(), Body(kindName), Responses(kindName, "200", "201", "202")),
            ["delete"] = Operation(naming.Id("delete", string.Empty, collection: true), naming.Tag, "deletecollection", gvk, DeleteCollectionParameters(), Body(BuiltInSchemas.DeleteOptionsName), Responses(BuiltInSchemas.StatusName, "200")),
        });

        paths[item] = PathItem(resource.Namespaced, withName: true, new()
        {
            ["get"] = Operation(naming.Id("read", string.Empty), naming.Tag, "get", gvk, [], body: null, Responses(kindName, "200")),
            ["put"] = Operation(naming.Id("replace", string.Empty), naming.Tag, "put", gvk, WriteParameters(), Body(kindName), Responses(kindName, "200", "201")),
            ["patch"] = Operation(naming.Id("patch", string.Empty), naming.Tag, "patch", gvk, PatchParameters(), PatchBody(resource.IsCustom), Responses(kindName, "200", "201")),
            ["delete"] = Operation(naming.Id("delete", string.Empty), naming.Tag, "delete", gvk, DeleteParameters(), Body(BuiltInSchemas.DeleteOptionsName), Responses(BuiltInSchemas.StatusName, "200", "202")),
        });

        if (resource.Namespaced)
        {
            paths[$"{prefix}/{resource.Plural}"] = PathItem(namespaced: false, withName: false, new()
            {
                ["get"] = Operation(naming.Id("list", "ForAllNamespaces", namespaced: false), naming.Tag, "list", gvk, ListParameters(), body: null, Responses(listName, "200")),
            });
        }

        if (resource.HasStatus)
        {
            paths[item + "/status"] = PathItem(resource.Namespaced, withName: true, new()
            {
                ["get"] = Operation(naming.Id("read", "Status"), naming.Tag, "get", gvk, [], body: null, Responses(kindName, "200")),
                ["put"] = Operation(naming.Id("replace", "Status"), naming.Tag, "put", gvk, WriteParameters(), Body(kindName), Responses(kindName, "200", "201")),
                ["patch"] = Operation(naming.Id("patch", "Status"), naming.Tag, "patch", gvk, PatchParameters(), PatchBody(resource.IsCustom), Responses(kindName, "200", "201")),
            });
        }

        if (resource.HasScale)
        {
            var scaleGvk = Gvk("autoscaling", "v1", "Scale");
            paths[item + "/scale"] = PathItem(resource.Namespaced, withName: true, new()
            {
                ["get"] = Operation(naming.Id("read", "Scale"), naming.Tag, "get", scaleGvk, [], body: null, Responses(ScaleName, "200")),
                ["put"] = Operation(naming.Id("replace", "Scale"), naming.Tag, "put", scaleGvk, WriteParameters(), Body(ScaleName), Responses(ScaleName, "200", "201")),
                ["patch"] = Operation(naming.Id("patch", "Scale"), naming.Tag, "patch", scaleGvk, PatchParameters(), PatchBody(resource.IsCustom), Responses(ScaleName, "200", "201")),
            });
        }
    }

    private static JsonObject PathItem(bool namespaced, bool withName, Dictionary<string, JsonObject> operations)
    {
        var item = new JsonObject();
        foreach (var (method, operation) in operations)
        {
            item[method] = operation;
        }

        var parameters = new JsonArray();
        if (withName)
        {
            parameters.Add(PathParameter("name", "name of the resource"));
        }

        if (namespaced)
        {
            parameters.Add(PathParameter("namespace", "object name and auth scope, such as for teams and projects"));
        }

        parameters.Add(QueryParameter("pretty", "string", "If 'true', then the output is pretty printed. Defaults to 'false' unless the user-agent indicates a browser or command-line HTTP tool (curl and wget)."));
        item["parameters"] = parameters;
        return item;
    }

    private static JsonObject Operation(string id, string tag, string action, JsonObject gvk, JsonNode[] parameters, JsonObject? body, JsonObject responses)
    {
        var operation = new JsonObject
        {
            ["tags"] = new JsonArray(tag),
            ["operationId"] = id,
        };
        if (parameters.Length > 0)
        {
            operation["parameters"] = new JsonArray(parameters);
        }

        if (body is not null)
        {
            operation["requestBody"] = body;
        }

        operation["responses"] = responses;
        operation["x-kubernetes-action"] = action;
        operation["x-kubernetes-group-version-kind"] = gvk.DeepClone();
        return operation;
    }

    private static JsonNode[] ListParameters() =>
    [
        QueryParameter("allowWatchBookmarks", "boolean", "allowWatchBookmarks requests watch events with type \"BOOKMARK\"."),
        QueryParameter("continue", "string", "The continue option should be set when retrieving more results from the server."),
        QueryParameter("fieldSelector", "string", "A selector to restrict the list of returned objects by their fields. Defaults to everything."),
        QueryParameter("labelSelector", "string", "A selector to restrict the list of returned objects by their labels. Defaults to everything."),
        QueryParameter("limit", "integer", "limit is a maximum number of responses to return for a list call."),
        QueryParameter("resourceVersion", "string", "resourceVersion sets a constraint on what resource versions a request may be served from."),
        QueryParameter("resourceVersionMatch", "string", "resourceVersionMatch determines how resourceVersion is applied to list calls."),
        QueryParameter("sendInitialEvents", "boolean", "`sendInitialEvents=true` may be set together with `watch=true`."),
        QueryParameter("timeoutSeconds", "integer", "Timeout for the list/watch call."),
        QueryParameter("watch", "boolean", "Watch for changes to the described resources and return them as a stream of add, update, and remove notifications."),
    ];

    private static JsonNode[] WriteParameters() =>
    [
        DryRunParameter(),
        FieldManagerParameter(),
        FieldValidationParameter(),
    ];

    private static JsonNode[] PatchParameters() =>
    [
        DryRunParameter(),
        FieldManagerParameter(),
        FieldValidationParameter(),
        QueryParameter("force", "boolean", "Force is going to \"force\" Apply requests. It means user will re-acquire conflicting fields owned by other people. Force flag must be unset for non-apply patch requests."),
    ];

    private static JsonNode[] DeleteParameters() =>
    [
        DryRunParameter(),
        QueryParameter("gracePeriodSeconds", "integer", "The duration in seconds before the object should be deleted."),
        QueryParameter("orphanDependents", "boolean", "Deprecated: please use the PropagationPolicy, this field will be deprecated in 1.7."),
        QueryParameter("propagationPolicy", "string", "Whether and how garbage collection will be performed: 'Orphan', 'Background' or 'Foreground'."),
    ];

    private static JsonNode[] DeleteCollectionParameters() =>
    [
        QueryParameter("continue", "string", "The continue option should be set when retrieving more results from the server."),
        DryRunParameter(),
        QueryParameter("fieldSelector", "string", "A selector to restrict the list of returned objects by their fields. Defaults to everything."),
        QueryParameter("gracePeriodSeconds", "integer", "The duration in seconds before the object should be deleted."),
        QueryParameter("labelSelector", "string", "A selector to restrict the list of returned objects by their labels. Defaults to everything."),
        QueryParameter("limit", "integer", "limit is a maximum number of responses to return for a list call."),
        QueryParameter("orphanDependents", "boolean", "Deprecated: please use the PropagationPolicy, this field will be deprecated in 1.7."),
        QueryParameter("propagationPolicy", "string", "Whether and how garbage collection will be performed: 'Orphan', 'Background' or 'Foreground'."),
        QueryParameter("resourceVersion", "string", "resourceVersion sets a constraint on what resource versions a request may be served from."),
        QueryParameter("resourceVersionMatch", "string", "resourceVersionMatch determines how resourceVersion is applied to list calls."),
        QueryParameter("sendInitialEvents", "boolean", "`sendInitialEvents=true` may be set together with `watch=true`."),
        QueryParameter("timeoutSeconds", "integer", "Timeout for the list/watch call."),
    ];

    private static JsonObject DryRunParameter() =>
        QueryParameter("dryRun", "string", "When present, indicates that modifications should not be persisted. Valid values are: - All: all dry run stages will be processed");

    private static JsonObject FieldManagerParameter() =>
        QueryParameter("fieldManager", "string", "fieldManager is a name associated with the actor or entity that is making these changes.");

    private static JsonObject FieldValidationParameter() =>
        QueryParameter("fieldValidation", "string", "fieldValidation instructs the server on how to handle objects in the request (POST/PUT/PATCH) containing unknown or duplicate fields. Valid values are: - Ignore - Warn - Strict. The default is Strict.");

    private static JsonObject QueryParameter(string name, string type, string description) => new()
    {
        ["name"] = name,
        ["in"] = "query",
        ["description"] = description,
        ["schema"] = new JsonObject { ["type"] = type, ["uniqueItems"] = true },
    };

    private static JsonObject PathParameter(string name, string description) => new()
    {
        ["name"] = name,
        ["in"] = "path",
        ["description"] = description,
        ["required"] = true,
        ["schema"] = new JsonObject { ["type"] = "string", ["uniqueItems"] = true },
    };

    private static JsonObject Body(string schemaName) => new()
    {
        ["content"] = new JsonObject { ["*/*"] = new JsonObject { ["schema"] = Reference(schemaName) } },
        ["required"] = true,
    };

    /// <summary>
    /// The PATCH body. Strategic merge patch is offered only for built-in kinds: kubectl 1.29+ computes an SMP from
    /// the v3 schema whenever it is listed, and custom kinds must get merge patches.
    /// </summary>
    private static JsonObject PatchBody(bool isCustom)
    {
        var content = new JsonObject
        {
            ["application/json-patch+json"] = new JsonObject { ["schema"] = Reference(BuiltInSchemas.PatchName) },
            ["application/merge-patch+json"] = new JsonObject { ["schema"] = Reference(BuiltInSchemas.PatchName) },
        };
        if (!isCustom)
        {
            content["application/strategic-merge-patch+json"] = new JsonObject { ["schema"] = Reference(BuiltInSchemas.PatchName) };
        }

        content["application/apply-patch+yaml"] = new JsonObject { ["schema"] = Reference(BuiltInSchemas.PatchName) };
        return new JsonObject { ["content"] = content, ["required"] = true };
    }

    private static JsonObject Responses(string schemaName, params string[] codes)
    {
        var responses = new JsonObject();
        foreach (var code in codes)
        {
            responses[code] = new JsonObject
            {
                ["description"] = code switch
                {
                    "201" => "Created",
                    "202" => "Accepted",
                    _ => "OK",
                },
                ["content"] = new JsonObject
                {
                    ["application/json"] = new JsonObject { ["schema"] = Reference(schemaName) },
                    ["application/yaml"] = new JsonObject { ["schema"] = Reference(schemaName) },
                },
            };
        }

        responses["401"] = new JsonObject { ["description"] = "Unauthorized" };
        return responses;
    }

    private static JsonObject Gvk(string group, string version, string kind) =>
        new() { ["group"] = group, ["kind"] = kind, ["version"] = version };

    private static JsonObject Reference(string name) => new() { ["$ref"] = ComponentSchemaBuilder.RefPrefix + name };

    private static JsonObject WrappedReference(string name, string description) =>
        new() { ["description"] = description, ["allOf"] = new JsonArray(Reference(name)) };

    private static JsonObject ToObject(SortedDictionary<string, JsonObject> entries)
    {
        var result = new JsonObject();
        foreach (var (key, value) in entries)
        {
            result[key] = value;
        }

        return result;
    }

    /// <summary>Adds every component that the paths and schemas reference, transitively.</summary>
    private static void AddReferencedComponents(JsonObject document, SortedDictionary<string, JsonObject> schemas, IReadOnlyDictionary<string, JsonObject>? components)
    {
        var pending = new Stack<JsonNode>();
        pending.Push(document);
        foreach (var schema in schemas.Values.ToList())
        {
            pending.Push(schema);
        }

        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case JsonObject obj:
                    foreach (var (key, value) in obj)
                    {
                        if (key == "$ref" && JsonValueText(value) is { } reference)
                        {
                            var name = SchemaInliner.ComponentName(reference);
                            if (!schemas.ContainsKey(name) && Resolve(name, components) is { } component)
                            {
                                var copy = (JsonObject)component.DeepClone();
                                schemas[name] = copy;
                                pending.Push(copy);
                            }
                        }
                        else if (value is not null)
                        {
                            pending.Push(value);
                        }
                    }

                    break;
                case JsonArray array:
                    foreach (var value in array)
                    {
                        if (value is not null)
                        {
                            pending.Push(value);
                        }
                    }

                    break;
            }
        }
    }

    private static string? JsonValueText(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static JsonObject? Resolve(string name, IReadOnlyDictionary<string, JsonObject>? components) =>
        components is not null && components.TryGetValue(name, out var own) ? own : BuiltInSchemas.Components.GetValueOrDefault(name);

    /// <summary>kube-apiserver's operation ids, e.g. <c>patchAppsV1NamespacedDeploymentScale</c>.</summary>
    private sealed class OperationNaming(OpenApiResource resource)
    {
        private readonly string _groupVersion = GroupPart(resource.Group) + Capitalize(resource.Version);

        public string Tag => char.ToLowerInvariant(GroupPart(resource.Group)[0]) + GroupPart(resource.Group)[1..] + "_" + resource.Version;

        public string Id(string verb, string suffix, bool collection = false, bool? namespaced = null)
        {
            var scope = (namespaced ?? resource.Namespaced) ? "Namespaced" : string.Empty;
            return verb + _groupVersion + (collection ? "Collection" : string.Empty) + scope + resource.Kind + suffix;
        }

        private static string GroupPart(string group)
        {
            if (group.Length == 0)
            {
                return "Core";
            }

            var trimmed = group.EndsWith(".k8s.io", StringComparison.Ordinal) ? group[..^".k8s.io".Length] : group;
            return string.Concat(trimmed.Split('.', '-').Where(part => part.Length > 0).Select(Capitalize));
        }

        private static string Capitalize(string text) =>
            text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];
    }
}
