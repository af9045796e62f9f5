using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Karmada.Client.Tests.Fakes;

/// <summary>One open watch on the fake server; the test writes its events line by line.</summary>
public sealed class WatchConnection
{
    private readonly HttpContext _context;
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal WatchConnection(HttpContext context, RecordedRequest request)
    {
        _context = context;
        Request = request;
    }

    public RecordedRequest Request { get; }

    public string? ResourceVersion => Request.QueryValue("resourceVersion");

    internal Task Closed => _closed.Task;

    public Task SendEventAsync(string type, JsonObject obj) =>
        SendLineAsync(new JsonObject { ["type"] = type, ["object"] = obj.DeepClone() }.ToJsonString());

    public Task SendBookmarkAsync(string resourceVersion) =>
        SendEventAsync("BOOKMARK", new JsonObject { ["kind"] = "Widget", ["apiVersion"] = "example.io/v1", ["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion } });

    public Task SendErrorAsync(int code, string reason, string message) =>
        SendEventAsync("ERROR", new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
            ["code"] = code,
        });

    /// <summary>Writes raw text plus a newline and flushes, as the API server does per event.</summary>
    public async Task SendLineAsync(string line)
    {
        await _context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"));
        await _context.Response.Body.FlushAsync();
    }

    /// <summary>Ends the response cleanly (the server's watch timeout).</summary>
    public void Close() => _closed.TrySetResult();

    /// <summary>Kills the connection mid-stream (a crashed server or a broken network).</summary>
    public void Drop()
    {
        _context.Abort();
        _closed.TrySetResult();
    }
}
