using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Karmada.ApiServer.Tests.Hosting;

/// <summary>
/// Test middleware in front of the API: records every request and whether it ended aborted, and serves two paths
/// that fail, one before and one after the response started.
/// </summary>
internal sealed class ServerRequests
{
    public const string FailBeforeStartPath = "/test/fail-before-start";
    public const string FailAfterStartPath = "/test/fail-after-start";

    private readonly ConcurrentQueue<ServedRequest> _served = new();

    public void Install(IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        switch (context.Request.Path.Value)
        {
            case FailBeforeStartPath:
                context.Response.StatusCode = StatusCodes.Status201Created;
                context.Response.Headers["X-Prepared"] = "yes";
                throw new InvalidOperationException("test failure before the response started");
            case FailAfterStartPath:
                await context.Response.Body.WriteAsync("partial"u8.ToArray());
                await context.Response.Body.FlushAsync();
                throw new InvalidOperationException("test failure after the response started");
        }

        var served = new ServedRequest(context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "");
        _served.Enqueue(served);
        try
        {
            await next(context);
        }
        finally
        {
            served.End(context.RequestAborted.IsCancellationRequested);
        }
    });

    /// <summary>Waits for the server to receive a request matching <paramref name="match"/>.</summary>
    public async Task<ServedRequest> WaitForAsync(Func<ServedRequest, bool> match)
    {
        ServedRequest? found = null;
        await Karmada.Testing.Eventually.UntilAsync(
            () => Task.FromResult((found = _served.FirstOrDefault(match)) is not null),
            TimeSpan.FromSeconds(15),
            "the server did not receive the request");
        return found!;
    }
}

/// <summary>One request as the server saw it.</summary>
internal sealed class ServedRequest(string path, string query)
{
    private readonly TaskCompletionSource<bool> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Path { get; } = path;

    public string Query { get; } = query;

    /// <summary>Completes when the server's handling ended, with whether the request had been aborted.</summary>
#pragma warning disable VSTHRD003 // completed by the server's pipeline, not the test's context
    public Task<bool> Aborted => _ended.Task;
#pragma warning restore VSTHRD003

    public void End(bool aborted) => _ended.TrySetResult(aborted);
}
