using Karmada.ApiServer.Http;
using Karmada.ApiServer.Resources;
using Karmada.OpenApi.Documents;
using Microsoft.AspNetCore.Http;

namespace Karmada.ApiServer.OpenApi;

/// <summary>
/// <c>/openapi/v2</c> answers an empty protobuf document (kubectl then leaves validation to the server through
/// <c>fieldValidation</c>); <c>/openapi/v3</c> serves the index and per-group-version documents that
/// <c>kubectl explain</c> and kubectl's field-validation and patch logic read. Documents are rebuilt when the
/// catalog changes.
/// </summary>
public sealed class OpenApiEndpoints(ResourceCatalog catalog, SchemaRegistry schemas, ServerVersion version) : IOpenApiEndpoints
{
    private readonly Lock _gate = new();
    private long _generation = -1;
    private Dictionary<string, OpenApiV3Document> _documents = [];
    private byte[] _index = [];

    public async Task<bool> TryServeAsync(HttpContext context, string path)
    {
        if (path is "/openapi/v2" or "/swagger-2.0.0.pb-v1")
        {
            await Responses.WriteBytesAsync(context, 200, OpenApiV2.EmptyDocument, OpenApiV2.ProtobufContentType);
            return true;
        }

        if (!path.StartsWith("/openapi/v3", StringComparison.Ordinal))
        {
            return false;
        }

        var (index, documents) = Documents();
        if (path == "/openapi/v3")
        {
            await Responses.WriteBytesAsync(context, 200, index, OpenApiV3.ContentType);
            return true;
        }

        var key = path["/openapi/v3/".Length..];
        if (!documents.TryGetValue(key, out var document))
        {
            return false;
        }

        context.Response.Headers.ETag = $"\"{document.Hash}\"";
        await Responses.WriteBytesAsync(context, 200, document.Utf8Json, OpenApiV3.ContentType);
        return true;
    }

    private (byte[] Index, Dictionary<string, OpenApiV3Document> Documents) Documents()
    {
        lock (_gate)
        {
            if (_generation == catalog.Generation)
            {
                return (_index, _documents);
            }

            var documents = new Dictionary<string, OpenApiV3Document>(StringComparer.Ordinal);
            foreach (var group in catalog.All.GroupBy(d => (d.Group, d.Version)))
            {
                var resources = new List<OpenApiResource>();
                foreach (var resource in group)
                {
                    if (schemas.ComponentFor(resource) is not { } component)
                    {
                        continue;
                    }

                    resources.Add(new OpenApiResource(resource.Group, resource.Version, resource.Kind, resource.Plural, resource.Namespaced, resource.IsCustom, resource.HasStatus, resource.Scale is not null, component.Schema)
                    {
                        SchemaName = component.Name,
                    });
                }

                if (resources.Count == 0)
                {
                    continue;
                }

                var path = OpenApiV3.GroupVersionPath(group.Key.Group, group.Key.Version);
                var doc = OpenApiV3.BuildGroupVersionDocument(group.Key.Group, group.Key.Version, resources, schemas.KarmadaComponents, version.GitVersion);
                documents[path] = OpenApiV3.Render(path, doc);
            }

            _index = Registry.ObjectJson.Serialize(OpenApiV3.BuildIndex(documents.Values));
            _documents = documents;
            _generation = catalog.Generation;
            return (_index, _documents);
        }
    }
}
