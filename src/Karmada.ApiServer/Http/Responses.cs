using System.Text.Json.Nodes;
using Karmada.ApiServer.Registry;
using Microsoft.AspNetCore.Http;

namespace Karmada.ApiServer.Http;

/// <summary>Writes JSON bodies and Status errors.</summary>
public static class Responses
{
    public static async Task WriteBytesAsync(HttpContext context, int statusCode, ReadOnlyMemory<byte> body, string contentType = MediaTypes.Json)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    public static Task WriteJsonAsync(HttpContext context, int statusCode, JsonNode body, string contentType = MediaTypes.Json) =>
        WriteBytesAsync(context, statusCode, ObjectJson.Serialize(body), contentType);

    public static Task WriteStatusAsync(HttpContext context, ApiStatus status)
    {
        if (status.RetryAfterSeconds is { } retry)
        {
            context.Response.Headers.RetryAfter = retry.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return WriteJsonAsync(context, status.Code, status.ToJson());
    }

    /// <summary>Adds <c>Warning: 299 - "text"</c> headers that kubectl prints as <c>Warning: text</c>.</summary>
    public static void AddWarnings(HttpContext context, IEnumerable<string> warnings)
    {
        foreach (var warning in warnings.Distinct())
        {
            context.Response.Headers.Append("Warning", $"299 - \"{warning.Replace("\"", "\\\"", StringComparison.Ordinal)}\"");
        }
    }
}
