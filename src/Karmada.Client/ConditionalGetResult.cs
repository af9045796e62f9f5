namespace Karmada.Client;

/// <summary>The answer to a conditional GET (<c>If-None-Match</c>).</summary>
/// <param name="Body">The decoded document, or null when the server answered <c>304 Not Modified</c>.</param>
/// <param name="ETag">The document's entity tag (quoted, as sent), or null when the server sends none.</param>
public sealed record ConditionalGetResult<T>(T? Body, string? ETag)
    where T : class
{
    /// <summary>Whether the document is the one the request's ETag named.</summary>
    public bool NotModified => Body is null;
}
