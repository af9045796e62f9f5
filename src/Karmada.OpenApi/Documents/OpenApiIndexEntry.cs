namespace Karmada.OpenApi.Documents;

/// <summary>One entry of the <c>/openapi/v3</c> index.</summary>
/// <param name="Path">The group/version path without a leading slash, e.g. <c>api/v1</c> or <c>apis/apps/v1</c>.</param>
/// <param name="Hash">The content hash of the document, used by clients as a cache buster.</param>
public sealed record OpenApiIndexEntry(string Path, string Hash);
