using System.Text.Json.Nodes;
using Karmada.ApiServer.Discovery;
using Karmada.ApiServer.Handlers;
using Karmada.ApiServer.Resources;
using Karmada.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Karmada.ApiServer.Http;

/// <summary>
/// The single entry point for every request: health, version, discovery, OpenAPI and resource URLs. Errors become
/// Kubernetes Status responses.
/// </summary>
public sealed partial class ApiDispatcher(
    ResourceCatalog catalog,
    DiscoveryDocuments discovery,
    ResourceHandler resources,
    IOpenApiEndpoints openApi,
    ServerVersion version,
    ILogger<ApiDispatcher> logger)
{
    /// <summary>HttpContext.Items key under which authentication stores the caller's user name.</summary>
    public const string UserItem = "karmada.user";

    public async Task DispatchAsync(HttpContext context)
    {
        try
        {
            await RouteAsync(context);
        }
        catch (ApiException ex)
        {
            await WriteErrorAsync(context, ex.Status);
        }
        catch (StorageException ex) when (ex.Kind == StorageErrorKind.Unavailable)
        {
            LogStorageUnavailable(logger, context.Request.Path, ex);
            await WriteErrorAsync(context, Errors.Unavailable($"storage is unavailable: {ex.Message}"));
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogUnhandled(logger, context.Request.Method, context.Request.Path, ex);
            await WriteErrorAsync(context, Errors.Internal(ex.Message));
        }
    }

    private static async Task WriteErrorAsync(HttpContext context, ApiStatus status)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        await Responses.WriteStatusAsync(context, status);
    }

    private async Task RouteAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path.Length > 1 && path.EndsWith('/'))
        {
            path = path.TrimEnd('/');
        }

        var method = context.Request.Method;
        var accept = context.Request.Headers.Accept.ToString();
        switch (path)
        {
            case "/healthz" or "/livez" or "/readyz":
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("ok", context.RequestAborted);
                return;
            case "/version":
                await Responses.WriteJsonAsync(context, 200, version.ToJson());
                return;
            case "/api":
                await WriteDiscoveryAsync(context, accept, core: true);
                return;
            case "/apis":
                await WriteDiscoveryAsync(context, accept, core: false);
                return;
            default:
                break;
        }

        if (path.StartsWith("/openapi/", StringComparison.Ordinal) || path == "/swagger-2.0.0.pb-v1")
        {
            if (!await openApi.TryServeAsync(context, path))
            {
                throw new ApiException(Errors.NotFoundPath());
            }

            return;
        }

        // Only discovery paths (at most three segments) are split here; resource paths are parsed once, below.
        var segments = method == "GET" && path.AsSpan().Trim('/').Count('/') < 3 ? path.Trim('/').Split('/') : [];
        if (segments is ["api", var coreVersion])
        {
            var list = discovery.ResourceList("", coreVersion) ?? throw new ApiException(Errors.NotFoundPath());
            await Responses.WriteJsonAsync(context, 200, list);
            return;
        }

        if (segments is ["apis", var groupName])
        {
            var group = discovery.ApiGroup(groupName) ?? throw new ApiException(Errors.NotFoundPath());
            await Responses.WriteJsonAsync(context, 200, group);
            return;
        }

        if (segments is ["apis", var g, var v])
        {
            var list = discovery.ResourceList(g, v) ?? throw new ApiException(Errors.NotFoundPath());
            await Responses.WriteJsonAsync(context, 200, list);
            return;
        }

        var request = RequestPath.Parse(path, catalog) ?? throw new ApiException(Errors.NotFoundPath());
        var resource = catalog.Find(request.Group, request.Version, request.Plural) ?? throw new ApiException(Errors.NotFoundPath());
        var user = context.Items[UserItem] as string ?? "";
        await resources.HandleAsync(context, request, resource, user);
    }

    private async Task WriteDiscoveryAsync(HttpContext context, string accept, bool core)
    {
        if (MediaTypes.AggregatedDiscoveryVersion(accept) is { } v)
        {
            var document = discovery.AggregatedSerialized(core, v);
            context.Response.Headers.ETag = document.ETag;
            if (document.IsMatchedBy(context.Request.Headers.IfNoneMatch))
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            await Responses.WriteBytesAsync(context, 200, document.Utf8Json, $"application/json;g=apidiscovery.k8s.io;v={v};as=APIGroupDiscoveryList");
            return;
        }

        JsonObject legacy = core ? discovery.ApiVersions() : discovery.ApiGroupList();
        await Responses.WriteJsonAsync(context, 200, legacy);
    }

    [LoggerMessage(1002, LogLevel.Error, "Unhandled error serving {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, string method, string? path, Exception ex);

    [LoggerMessage(1003, LogLevel.Warning, "Storage unavailable serving {Path}")]
    private static partial void LogStorageUnavailable(ILogger logger, string? path, Exception ex);
}
