using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Karmada.Agent.Tests;

/// <summary>
/// API server middleware that records every request one client (told by its user agent) sent and what it was answered,
/// with the bodies of its writes; <see cref="BeforeWrite"/> lets a test act while such a write is held at the door.
/// </summary>
public sealed class RequestLog(string userAgent)
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    /// <summary>Awaited before one of the client's writes goes on to the server (another writer racing it, say).</summary>
    public Func<RecordedRequest, Task>? BeforeWrite { get; set; }

    /// <summary>The requests answered so far, in the order they completed.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Registers the middleware.</summary>
    public void Attach(IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (!request.Headers.UserAgent.ToString().StartsWith(userAgent, StringComparison.Ordinal))
            {
                await next(context);
                return;
            }

            string? body = null;
            if (request.Method is "PATCH" or "PUT" or "POST")
            {
                request.EnableBuffering();
                using var reader = new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true);
                body = await reader.ReadToEndAsync(context.RequestAborted);
                request.Body.Position = 0;
            }

            var recorded = new RecordedRequest(request.Method, request.Path.Value ?? "", request.Headers.IfNoneMatch.ToString(), request.ContentType, body, 0);
            if (body is not null && BeforeWrite is { } beforeWrite)
            {
                await beforeWrite(recorded);
            }

            await next(context);
            _requests.Enqueue(recorded with { StatusCode = context.Response.StatusCode });
        });
    }
}

/// <summary>One request and the status code it was answered with.</summary>
public sealed record RecordedRequest(string Method, string Path, string IfNoneMatch, string? ContentType, string? Body, int StatusCode)
{
    public bool IsWrite => Method is "PATCH" or "PUT" or "POST" or "DELETE";

    public override string ToString() => $"{Method} {Path} -> {StatusCode}";
}
