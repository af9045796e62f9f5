using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Karmada.Client.Tests.Fakes;

/// <summary>
/// A small Kubernetes-style API server on Kestrel (127.0.0.1, random port): an in-memory store with a global
/// resourceVersion, CRUD with the real status codes and Status bodies, list paging, and watches whose events the test
/// scripts through <see cref="WatchConnection"/>. Every request is recorded.
/// </summary>
public sealed class FakeApiServer : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SortedDictionary<string, JsonObject>> _collections = new(StringComparer.Ordinal);
    private readonly Channel<WatchConnection> _watches = Channel.CreateUnbounded<WatchConnection>();
    private readonly WebApplication _app;
    private long _resourceVersion = 100;

    private FakeApiServer(WebApplication app)
    {
        _app = app;
    }

    public Uri BaseUri { get; private set; } = null!;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>When set and returning true, the request was answered by the test and normal handling is skipped.</summary>
    public Func<HttpContext, RecordedRequest, Task<bool>>? Intercept { get; set; }

    public string CurrentResourceVersion
    {
        get
        {
            lock (_gate)
            {
                return _resourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }

    public static async Task<FakeApiServer> StartAsync(X509Certificate2? serverCertificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (serverCertificate is not null)
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(serverCertificate, https =>
                {
                    https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
                    https.AllowAnyClientCertificate();
                });
            }
        }));
        var app = builder.Build();
        var server = new FakeApiServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address);
        return server;
    }

    /// <summary>Stores an object directly (bumping the resourceVersion) and returns the stored copy.</summary>
    public JsonObject Put(string collectionPath, JsonObject obj)
    {
        lock (_gate)
        {
            var stored = (JsonObject)obj.DeepClone();
            var metadata = (JsonObject)stored["metadata"]!;
            metadata["resourceVersion"] = NextVersionLocked();
            metadata["uid"] ??= Guid.NewGuid().ToString();
            GetCollectionLocked(collectionPath)[KeyOf(stored)] = stored;
            return (JsonObject)stored.DeepClone();
        }
    }

    public void Remove(string collectionPath, string? @namespace, string name)
    {
        lock (_gate)
        {
            GetCollectionLocked(collectionPath).Remove(string.IsNullOrEmpty(@namespace) ? name : $"{@namespace}/{name}");
            NextVersionLocked();
        }
    }

    public JsonObject? Find(string collectionPath, string? @namespace, string name)
    {
        lock (_gate)
        {
            return GetCollectionLocked(collectionPath).TryGetValue(string.IsNullOrEmpty(@namespace) ? name : $"{@namespace}/{name}", out var obj)
                ? (JsonObject)obj.DeepClone()
                : null;
        }
    }

    /// <summary>Waits for the next watch request.</summary>
    public async Task<WatchConnection> NextWatchAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        return await _watches.Reader.ReadAsync(cts.Token);
    }

    public bool TryNextWatch(out WatchConnection connection) => _watches.Reader.TryRead(out connection!);

    public int CountRequests(string method, bool watch) =>
        Requests.Count(r => r.Method == method && r.IsWatch == watch);

    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(cts.Token);
        await _app.DisposeAsync();
    }

    /// <summary>Builds a namespaced test object.</summary>
    public static JsonObject Widget(string @namespace, string name, string? label = null) => new()
    {
        ["apiVersion"] = "example.io/v1",
        ["kind"] = "Widget",
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["namespace"] = @namespace,
            ["labels"] = label is null ? null : new JsonObject { ["app"] = label },
        },
        ["spec"] = new JsonObject { ["size"] = 1 },
    };

    private static string KeyOf(JsonObject obj)
    {
        var ns = obj["metadata"]?["namespace"]?.GetValue<string>();
        var name = obj["metadata"]!["name"]!.GetValue<string>();
        return string.IsNullOrEmpty(ns) ? name : $"{ns}/{name}";
    }

    private string NextVersionLocked() => (++_resourceVersion).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private SortedDictionary<string, JsonObject> GetCollectionLocked(string collectionPath)
    {
        if (!_collections.TryGetValue(collectionPath, out var collection))
        {
            collection = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
            _collections[collectionPath] = collection;
        }

        return collection;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var request = new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "/",
            context.Request.QueryString.Value ?? string.Empty,
            context.Request.ContentType,
            context.Request.Headers.Authorization.FirstOrDefault(),
            context.Connection.ClientCertificate?.Subject,
            body);
        Requests.Enqueue(request);

        if (Intercept is { } intercept && await intercept(context, request))
        {
            return;
        }

        if (request.Path.TrimEnd('/') == "/version")
        {
            await WriteJsonAsync(context, 200, new JsonObject { ["major"] = "1", ["minor"] = "31", ["gitVersion"] = "v1.31.0-fake" });
            return;
        }

        if (request.Path == "/readyz")
        {
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("ok");
            return;
        }

        if (!TryRoute(request.Path, out var route))
        {
            await WriteStatusAsync(context, 404, "NotFound", "the server could not find the requested resource");
            return;
        }

        switch (request.Method)
        {
            case "GET" when route.Name is null && request.IsWatch:
                await ServeWatchAsync(context, request);
                break;
            case "GET" when route.Name is null:
                await ServeListAsync(context, request, route);
                break;
            case "GET":
                await ServeGetAsync(context, route);
                break;
            case "POST" when route.Name is null:
                await ServeCreateAsync(context, route, body);
                break;
            case "PUT" when route.Name is not null:
                await ServeUpdateAsync(context, route, body);
                break;
            case "PATCH" when route.Name is not null:
                await ServePatchAsync(context, route, request, body);
                break;
            case "DELETE" when route.Name is not null:
                await ServeDeleteAsync(context, route);
                break;
            default:
                await WriteStatusAsync(context, 405, "MethodNotAllowed", "method not allowed");
                break;
        }
    }

    private async Task ServeWatchAsync(HttpContext context, RecordedRequest request)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.StartAsync();
        await context.Response.Body.FlushAsync();
        var connection = new WatchConnection(context, request);
        _watches.Writer.TryWrite(connection);
        await connection.Closed.WaitAsync(context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task ServeListAsync(HttpContext context, RecordedRequest request, Route route)
    {
        var labelSelector = request.QueryValue("labelSelector");
        var fieldSelector = request.QueryValue("fieldSelector");
        var limit = int.TryParse(request.QueryValue("limit"), out var l) ? l : 0;
        var offset = int.TryParse(request.QueryValue("continue"), out var c) ? c : 0;
        List<JsonObject> matching;
        string resourceVersion;
        lock (_gate)
        {
            resourceVersion = _resourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
            matching = [.. GetCollectionLocked(route.Collection).Values
                .Where(o => route.Namespace is null || o["metadata"]?["namespace"]?.GetValue<string>() == route.Namespace)
                .Where(o => Matches(o, labelSelector, fieldSelector))
                .Select(o => (JsonObject)o.DeepClone())];
        }

        var page = limit > 0 ? matching.Skip(offset).Take(limit).ToList() : matching;
        var next = limit > 0 && offset + limit < matching.Count ? (offset + limit).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        var items = new JsonArray();
        foreach (var item in page)
        {
            items.Add(item);
        }

        await WriteJsonAsync(context, 200, new JsonObject
        {
            ["kind"] = "WidgetList",
            ["apiVersion"] = "example.io/v1",
            ["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion, ["continue"] = next },
            ["items"] = items,
        });
    }

    private async Task ServeGetAsync(HttpContext context, Route route)
    {
        var obj = Find(route.Collection, route.Namespace, route.Name!);
        if (obj is null)
        {
            await WriteNotFoundAsync(context, route);
            return;
        }

        await WriteJsonAsync(context, 200, obj);
    }

    private async Task ServeCreateAsync(HttpContext context, Route route, string body)
    {
        var obj = JsonNode.Parse(body)!.AsObject();
        var metadata = (JsonObject)obj["metadata"]!;
        if (route.Namespace is not null)
        {
            metadata["namespace"] = route.Namespace;
        }

        var name = metadata["name"]!.GetValue<string>();
        lock (_gate)
        {
            if (GetCollectionLocked(route.Collection).ContainsKey(KeyOf(obj)))
            {
                obj = null;
            }
        }

        if (obj is null)
        {
            await WriteStatusAsync(context, 409, "AlreadyExists", $"widgets.example.io \"{name}\" already exists", name);
            return;
        }

        metadata["creationTimestamp"] = "2026-11-28T06:00:21Z";
        await WriteJsonAsync(context, 201, Put(route.Collection, obj));
    }

    private async Task ServeUpdateAsync(HttpContext context, Route route, string body)
    {
        var obj = JsonNode.Parse(body)!.AsObject();
        var existing = Find(route.Collection, route.Namespace, route.Name!);
        if (existing is null)
        {
            await WriteNotFoundAsync(context, route);
            return;
        }

        var sentVersion = obj["metadata"]?["resourceVersion"]?.GetValue<string>();
        JsonObject? stored = null;
        lock (_gate)
        {
            var current = GetCollectionLocked(route.Collection)[KeyOf(existing)];
            if (string.IsNullOrEmpty(sentVersion) || sentVersion == current["metadata"]!["resourceVersion"]!.GetValue<string>())
            {
                if (route.Subresource == "status")
                {
                    var merged = (JsonObject)current.DeepClone();
                    merged["status"] = obj["status"]?.DeepClone();
                    obj = merged;
                }

                stored = Put(route.Collection, obj);
            }
        }

        if (stored is null)
        {
            await WriteStatusAsync(
                context,
                409,
                "Conflict",
                $"Operation cannot be fulfilled on widgets.example.io \"{route.Name}\": the object has been modified; please apply your changes to the latest version and try again",
                route.Name);
            return;
        }

        await WriteJsonAsync(context, 200, stored);
    }

    private async Task ServePatchAsync(HttpContext context, Route route, RecordedRequest request, string body)
    {
        var existing = Find(route.Collection, route.Namespace, route.Name!);
        var patch = JsonNode.Parse(body);
        if (existing is null)
        {
            if (request.ContentType?.StartsWith("application/apply-patch+yaml", StringComparison.Ordinal) == true && patch is JsonObject applied)
            {
                await WriteJsonAsync(context, 201, Put(route.Collection, applied));
                return;
            }

            await WriteNotFoundAsync(context, route);
            return;
        }

        if (patch is JsonObject mergePatch)
        {
            MergePatch(existing, mergePatch);
        }

        await WriteJsonAsync(context, 200, Put(route.Collection, existing));
    }

    private async Task ServeDeleteAsync(HttpContext context, Route route)
    {
        var existing = Find(route.Collection, route.Namespace, route.Name!);
        if (existing is null)
        {
            await WriteNotFoundAsync(context, route);
            return;
        }

        if (existing["metadata"]?["finalizers"] is JsonArray { Count: > 0 })
        {
            existing["metadata"]!["deletionTimestamp"] = "2026-11-28T06:00:22Z";
            await WriteJsonAsync(context, 200, Put(route.Collection, existing));
            return;
        }

        Remove(route.Collection, route.Namespace, route.Name!);
        await WriteJsonAsync(context, 200, new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Success",
            ["details"] = new JsonObject { ["name"] = route.Name, ["kind"] = "widgets" },
        });
    }

    private static void MergePatch(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch.ToList())
        {
            if (value is null)
            {
                target.Remove(key);
            }
            else if (value is JsonObject child && target[key] is JsonObject existingChild)
            {
                MergePatch(existingChild, child);
            }
            else
            {
                target[key] = value.DeepClone();
            }
        }
    }

    private static bool Matches(JsonObject obj, string? labelSelector, string? fieldSelector)
    {
        foreach (var term in (labelSelector ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = term.Split('=', 2);
            if (obj["metadata"]?["labels"]?[parts[0]]?.GetValue<string>() != parts[1])
            {
                return false;
            }
        }

        foreach (var term in (fieldSelector ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = term.Split('=', 2);
            if (parts[0] == "metadata.name" && obj["metadata"]?["name"]?.GetValue<string>() != parts[1])
            {
                return false;
            }
        }

        return true;
    }

    private static Task WriteNotFoundAsync(HttpContext context, Route route) =>
        WriteStatusAsync(context, 404, "NotFound", $"widgets.example.io \"{route.Name}\" not found", route.Name);

    private static Task WriteStatusAsync(HttpContext context, int code, string reason, string message, string? name = null) =>
        WriteJsonAsync(context, code, new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
            ["details"] = name is null ? null : new JsonObject { ["name"] = name, ["group"] = "example.io", ["kind"] = "widgets" },
            ["code"] = code,
        });

    private static async Task WriteJsonAsync(HttpContext context, int code, JsonObject body)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    /// <summary>Splits <c>/api/v1/...</c> and <c>/apis/{g}/{v}/...</c> paths into collection, namespace, name and subresource.</summary>
    private static bool TryRoute(string path, out Route route)
    {
        route = default;
        var segments = path.Trim('/').Split('/');
        int start;
        if (segments.Length >= 3 && segments[0] == "api")
        {
            start = 2;
        }
        else if (segments.Length >= 4 && segments[0] == "apis")
        {
            start = 3;
        }
        else
        {
            return false;
        }

        var prefix = string.Join('/', segments[..start]);
        var rest = segments[start..];
        string? ns = null;
        if (rest.Length >= 3 && rest[0] == "namespaces")
        {
            ns = rest[1];
            rest = rest[2..];
        }

        route = new Route($"/{prefix}/{rest[0]}", ns, rest.Length > 1 ? rest[1] : null, rest.Length > 2 ? rest[2] : null);
        return true;
    }

    private readonly record struct Route(string Collection, string? Namespace, string? Name, string? Subresource);
}
