namespace Karmada.OpenApi.Documents;

/// <summary>A rendered per group/version OpenAPI v3 document.</summary>
/// <param name="Path">The group/version path without a leading slash, e.g. <c>apis/apps/v1</c>.</param>
/// <param name="Utf8Json">The document as served (<c>application/json</c>).</param>
/// <param name="Hash">SHA-512 of <paramref name="Utf8Json"/> in upper-case hex, as kube-apiserver computes it.</param>
public sealed record OpenApiV3Document(string Path, ReadOnlyMemory<byte> Utf8Json, string Hash)
{
    /// <summary>The index entry that points to this document.</summary>
    public OpenApiIndexEntry IndexEntry => new(Path, Hash);
}
