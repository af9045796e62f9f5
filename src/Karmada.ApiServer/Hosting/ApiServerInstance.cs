using Karmada.ApiServer.Hosting.Loopback;
using Karmada.Security.Authentication;
using Karmada.Security.Serving;
using Karmada.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Karmada.ApiServer.Hosting;

/// <summary>A running API server: its URL, admin kubeconfig and services; disposing stops it and closes storage.</summary>
public sealed class ApiServerInstance(WebApplication app, IObjectStore store, SecureServingMaterial security, string url, string kubeconfigPath) : IAsyncDisposable
{
    public WebApplication App { get; } = app;

    public IServiceProvider Services => App.Services;

    public IObjectStore Store { get; } = store;

    public SecureServingMaterial Security { get; } = security;

    /// <summary>The HTTPS URL clients use.</summary>
    public string Url { get; } = url;

    /// <summary>The admin kubeconfig written into the data directory.</summary>
    public string KubeconfigPath { get; } = kubeconfigPath;

    /// <summary>
    /// A transport to this server for components hosted in its own process, as kube-apiserver's loopback client:
    /// requests run in memory through the same pipeline as over HTTPS (authentication, middleware, dispatcher),
    /// authenticated with the server's loopback credential (<c>system:apiserver</c> in <c>system:masters</c>, a
    /// random token that never leaves the process). Give it to a client with <see cref="Url"/> as the base URL.
    /// </summary>
    public HttpMessageHandler CreateLoopbackHandler() => new LoopbackHandler(
        Services.GetRequiredService<LoopbackServer>(),
        Services.GetRequiredService<LoopbackTokenAuthenticator>().AuthorizationHeader);

    public Task StopAsync(CancellationToken cancellationToken) => App.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Store.DisposeAsync();
        Security.Dispose();
    }
}
