using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Karmada.Protobuf.Tests.Kubectl;

/// <summary>
/// A Kestrel server on 127.0.0.1 that real kubectl binaries post to. Each kubectl run gets its own
/// <c>/run/{id}</c> server prefix so its POST can be found again; the server answers the POST with
/// 201 and the decoded JSON object, and answers legacy discovery just enough for RBAC resource lookups.
/// </summary>
public sealed class KubectlCaptureServer : IAsyncLifetime
{
    public const string KubectlDirectory = "/usr/lib/google-cloud-sdk/bin";

    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);
    private readonly ConcurrentDictionary<string, (string PathAndQuery, string ContentType, byte[] Body)> _posts = new();
    private readonly string _temp = Path.Combine(Path.GetTempPath(), $"karmada-kubectl-{Guid.NewGuid():N}");
    private WebApplication? _app;
    private string _baseAddress = string.Empty;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Map("/run/{id}/{**rest}", HandleAsync);
        await _app.StartAsync();
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel exposes no server addresses.");
        _baseAddress = addresses.Addresses.Single();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(_temp, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // No kubectl run created a cache.
        }
    }

    /// <summary>Runs <c>kubectl.{version}</c> with the given arguments against this server and returns its POST.</summary>
    public async Task<CapturedRequest> RunAsync(string version, IReadOnlyList<string> arguments)
    {
        var id = Guid.NewGuid().ToString("N");
        var start = new ProcessStartInfo(KubectlPath(version))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add($"--server={_baseAddress}/run/{id}");
        start.ArgumentList.Add($"--cache-dir={Path.Combine(_temp, "cache-" + id)}");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Object generators would fetch OpenAPI to validate; token and can-i do not know the flag.
        if (arguments is ["create", not "token", ..])
        {
            start.ArgumentList.Add("--validate=false");
        }

        // No kubeconfig: plain http to the --server, no credentials, namespace "default".
        start.Environment["KUBECONFIG"] = Path.Combine(_temp, "no-kubeconfig");
        start.Environment["HOME"] = _temp;

        using var timeout = new CancellationTokenSource(RunTimeout);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kubectl.{version} {string.Join(' ', arguments)} did not finish within {RunTimeout}.");
        }

        var output = await stdout + await stderr;
        if (!_posts.TryRemove(id, out var post))
        {
            throw new InvalidOperationException($"kubectl.{version} {string.Join(' ', arguments)} sent no POST (exit {process.ExitCode}): {output}");
        }

        return new CapturedRequest(post.PathAndQuery, post.ContentType, post.Body, process.ExitCode, output);
    }

    private static string KubectlPath(string version) => Path.Combine(KubectlDirectory, "kubectl." + version);

    private async Task HandleAsync(HttpContext context, string id, string? rest)
    {
        var path = "/" + rest;
        if (HttpMethods.IsPost(context.Request.Method))
        {
            await HandlePostAsync(context, id, path);
            return;
        }

        // Legacy discovery (a plain JSON answer to the aggregated Accept) so kubectl can map "pods".
        var document = path switch
        {
            "/api" => """{"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[{"clientCIDR":"0.0.0.0/0","serverAddress":"127.0.0.1"}]}""",
            "/apis" => """{"kind":"APIGroupList","apiVersion":"v1","groups":[]}""",
            "/api/v1" => """{"kind":"APIResourceList","groupVersion":"v1","resources":[{"name":"pods","singularName":"pod","namespaced":true,"kind":"Pod","verbs":["create","delete","get","list","patch","update","watch"],"shortNames":["po"]}]}""",
            _ => null,
        };
        context.Response.ContentType = "application/json";
        if (document is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            document = """{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404}""";
        }

        await context.Response.WriteAsync(document);
    }

    private async Task HandlePostAsync(HttpContext context, string id, string path)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var contentType = context.Request.ContentType ?? string.Empty;
        _posts[id] = (path + context.Request.QueryString, contentType, body);

        JsonObject reply;
        try
        {
            reply = KubernetesProtobuf.IsProtobuf(contentType)
                ? KubernetesProtobuf.Decode(body)
                : JsonNode.Parse(body)!.AsObject();
        }
        catch (ProtobufDecodeException ex)
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(new JsonObject
            {
                ["kind"] = "Status",
                ["apiVersion"] = "v1",
                ["status"] = "Failure",
                ["message"] = ex.Message,
                ["reason"] = "UnsupportedMediaType",
                ["code"] = 415,
            }.ToJsonString());
            return;
        }

        // Answer like an API server would, so kubectl exits 0: reviews are allowed, tokens are issued.
        switch (reply["kind"]?.GetValue<string>())
        {
            case "SelfSubjectAccessReview":
                reply["status"] = new JsonObject { ["allowed"] = true };
                break;
            case "TokenRequest":
                reply["status"] = new JsonObject { ["token"] = "test-token", ["expirationTimestamp"] = "2030-01-01T00:00:00Z" };
                break;
        }

        context.Response.StatusCode = StatusCodes.Status201Created;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(reply.ToJsonString());
    }
}
