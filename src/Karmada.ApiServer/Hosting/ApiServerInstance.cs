using Karmada.Security.Serving;
using Karmada.Storage;
using Microsoft.AspNetCore.Builder;

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

    public Task StopAsync(CancellationToken cancellationToken) => App.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Store.DisposeAsync();
        Security.Dispose();
    }
}
