using Microsoft.AspNetCore.Http;

namespace Karmada.ApiServer.Http;

/// <summary>Serves <c>/openapi/v2</c> and <c>/openapi/v3[/...]</c>.</summary>
public interface IOpenApiEndpoints
{
    /// <summary>Writes the document for <paramref name="path"/>; false when no such document exists.</summary>
    Task<bool> TryServeAsync(HttpContext context, string path);
}
