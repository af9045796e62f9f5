using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Karmada.OpenApi.Documents;
using Karmada.OpenApi.Generation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Karmada.OpenApi.Tests.Documents;

/// <summary>
/// The smallest API server kubectl accepts for <c>explain</c>: legacy discovery for core/v1 configmaps,
/// apps/v1 deployments and example.com/v1 widgets, the empty <c>/openapi/v2</c> and the <c>/openapi/v3</c> documents,
/// plus get/create/patch of namespaced objects held in memory, so that <c>kubectl apply</c> can run against it.
/// </summary>
internal sealed class OpenApiTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<string, OpenApiV3Document> _documents;
    private readonly JsonObject _index;

    private OpenApiTestServer(WebApplication app, Dictionary<string, OpenApiV3Document> documents, JsonObject index)
    {
        _app = app;
        _documents = documents;
        _index = index;
    }

    public string Url { get; private set; } = string.Empty;

    /// <summary>Every request path with its query, in arrival order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Every write: method, path with query, Content-Type and body.</summary>
    public ConcurrentQueue<(string Method, string Target, string ContentType, string Body)> Writes { get; } = new();

    /// <summary>Live objects by item path, e.g. <c>/apis/apps/v1/namespaces/default/deployments/web</c>.</summary>
    public ConcurrentDictionary<string, string> Objects { get; } = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, OpenApiV3Document> Documents => _documents;

    public static async Task<OpenApiTestServer> StartAsync(CancellationToken cancellationToken)
    {
        var documents = new[]
        {
            OpenApiV3.Render("api/v1", OpenApiV3.BuildGroupVersionDocument("", "v1", [BuiltIn("", "v1", "ConfigMap", "configmaps", hasStatus: false, hasScale: false)])),
            OpenApiV3.Render("apis/apps/v1", OpenApiV3Tests.AppsDocument()),
            OpenApiV3.Render("apis/example.com/v1", OpenApiV3.BuildGroupVersionDocument("example.com", "v1", [OpenApiV3Tests.Widget(OpenApiV3Tests.WidgetSchema())])),
        }.ToDictionary(document => document.Path, StringComparer.Ordinal);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new OpenApiTestServer(app, documents, OpenApiV3.BuildIndex(documents.Values));
        server.MapRoutes();
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Url = address;
        return server;
    }

    /// <summary>Writes, in <paramref name="directory"/>, a kubeconfig for this server (plain HTTP, namespace <c>default</c>).</summary>
    public async Task<string> WriteKubeconfigAsync(string directory)
    {
        var kubeconfig = Path.Combine(directory, "kubeconfig");
        await File.WriteAllTextAsync(kubeconfig, $$"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: test
              cluster:
                server: "{{Url}}"
            contexts:
            - name: test
              context:
                cluster: test
                namespace: default
            current-context: test
            """);
        return kubeconfig;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static OpenApiResource BuiltIn(string group, string version, string kind, string plural, bool hasStatus, bool hasScale)
    {
        Assert.True(BuiltInSchemas.TryGetComponentName(group, version, kind, out var name));
        return new OpenApiResource(group, version, kind, plural, Namespaced: true, IsCustom: false, hasStatus, hasScale, BuiltInSchemas.Components[name]);
    }

    private static IResult Json(string json) => Results.Text(json, "application/json");

    private static IResult NotFound(string plural, string name) => Results.Text(
        $$"""{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"{{plural}} \"{{name}}\" not found","reason":"NotFound","details":{"name":"{{name}}","kind":"{{plural}}"},"code":404}""",
        "application/json",
        statusCode: StatusCodes.Status404NotFound);

    private async Task<string> RecordWriteAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        Writes.Enqueue((context.Request.Method, context.Request.Path + context.Request.QueryString, context.Request.ContentType ?? string.Empty, body));
        return body;
    }

    private static string ResourceList(string groupVersion, string plural, string singular, string kind) =>
        $$"""
        {"kind":"APIResourceList","apiVersion":"v1","groupVersion":"{{groupVersion}}","resources":[
          {"name":"{{plural}}","singularName":"{{singular}}","namespaced":true,"kind":"{{kind}}",
           "verbs":["create","delete","deletecollection","get","list","patch","update","watch"]}]}
        """;

    private void MapRoutes()
    {
        _app.Use(async (context, next) =>
        {
            Requests.Enqueue(context.Request.Path + context.Request.QueryString);
            await next(context);
        });

        _app.MapGet("/version", () => Json("""{"major":"1","minor":"30","gitVersion":"v1.30.0","platform":"linux/amd64"}"""));
        _app.MapGet("/api", () => Json("""{"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[{"clientCIDR":"0.0.0.0/0","serverAddress":"127.0.0.1:6443"}]}"""));
        _app.MapGet("/apis", () => Json("""
            {"kind":"APIGroupList","apiVersion":"v1","groups":[
              {"name":"apps","versions":[{"groupVersion":"apps/v1","version":"v1"}],"preferredVersion":{"groupVersion":"apps/v1","version":"v1"}},
              {"name":"example.com","versions":[{"groupVersion":"example.com/v1","version":"v1"}],"preferredVersion":{"groupVersion":"example.com/v1","version":"v1"}}]}
            """));
        _app.MapGet("/api/v1", () => Json(ResourceList("v1", "configmaps", "configmap", "ConfigMap")));
        _app.MapGet("/apis/apps/v1", () => Json(ResourceList("apps/v1", "deployments", "deployment", "Deployment")));
        _app.MapGet("/apis/example.com/v1", () => Json(ResourceList("example.com/v1", "widgets", "widget", "Widget")));

        _app.MapGet("/openapi/v2", (HttpContext context) =>
        {
            context.Response.ContentType = OpenApiV2.ProtobufContentType;
            context.Response.ContentLength = OpenApiV2.EmptyDocument.Length;
            return Task.CompletedTask;
        });
        _app.MapGet("/openapi/v3", () => Json(_index.ToJsonString()));

        const string Item = "/{prefix}/{group}/{version}/namespaces/{ns}/{plural}/{name}";
        _app.MapGet(Item, (HttpContext context, string plural, string name) =>
            Objects.TryGetValue(context.Request.Path, out var live) ? Json(live) : NotFound(plural, name));
        _app.MapMethods(Item, ["PATCH"], async (HttpContext context, string plural, string name) =>
        {
            await RecordWriteAsync(context);
            return Objects.TryGetValue(context.Request.Path, out var live) ? Json(live) : NotFound(plural, name);
        });
        _app.MapPost("/{prefix}/{group}/{version}/namespaces/{ns}/{plural}", async (HttpContext context) =>
        {
            var body = await RecordWriteAsync(context);
            return Results.Text(body, "application/json", statusCode: StatusCodes.Status201Created);
        });
        _app.MapGet("/openapi/v3/{**path}", (string path) =>
            _documents.TryGetValue(path, out var document)
                ? Results.Bytes(document.Utf8Json.ToArray(), OpenApiV3.ContentType)
                : Results.NotFound());
    }
}
