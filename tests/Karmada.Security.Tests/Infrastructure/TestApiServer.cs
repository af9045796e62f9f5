using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Karmada.Security.Authentication;
using Karmada.Security.Serving;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Karmada.Security.Tests.Infrastructure;

/// <summary>
/// A Kestrel server on localhost with the HTTPS setup and authentication middleware under test, and just enough
/// of the Kubernetes API for kubectl and KubernetesClient: /version, /api, /apis, /api/v1, /healthz and /whoami.
/// </summary>
public sealed class TestApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestApiServer(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public string Url => $"https://127.0.0.1:{Port}";

    /// <summary>Every request that got past authentication: path, protocol and the resolved user.</summary>
    public ConcurrentQueue<(string Path, string Protocol, UserInfo User)> Requests { get; } = new();

    public static async Task<TestApiServer> StartAsync(SecureServingMaterial material, int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = typeof(TestApiServer).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenLocalhost(port, listen => material.ConfigureHttps(listen)));
        material.AddAuthentication(builder.Services);

        var app = builder.Build();
        var server = new TestApiServer(app, port);
        app.UseKubernetesAuthentication();
        app.Use(async (context, next) =>
        {
            server.Requests.Enqueue((context.Request.Path.Value ?? "/", context.Request.Protocol, context.GetKubernetesUser()!));
            await next(context);
        });
        app.MapGet("/version", () => Results.Text(
            """{"major":"1","minor":"33","gitVersion":"v1.33.0-karmada","gitCommit":"0000000","gitTreeState":"clean","buildDate":"2026-01-01T00:00:00Z","goVersion":"go1.24","compiler":"gc","platform":"linux/amd64"}""",
            "application/json"));
        app.MapGet("/api", () => Results.Text("""{"kind":"APIVersions","versions":["v1"]}""", "application/json"));
        app.MapGet("/apis", () => Results.Text("""{"kind":"APIGroupList","apiVersion":"v1","groups":[]}""", "application/json"));
        app.MapGet("/api/v1", () => Results.Text("""{"kind":"APIResourceList","groupVersion":"v1","resources":[]}""", "application/json"));
        app.MapGet("/healthz", () => Results.Text("ok", "text/plain"));
        app.MapGet("/whoami", (HttpContext context) =>
        {
            var user = context.GetKubernetesUser()!;
            var itemUser = (UserInfo)context.Items[KubernetesUserFeature.ItemKey]!;
            return Results.Json(new { user.Name, user.Uid, user.Groups, context.Request.Protocol, SameInItems = ReferenceEquals(user, itemUser) });
        });

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>A port free at the moment of the call (the kubeconfig must name it before the server starts).</summary>
    public static int FindFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }
}
