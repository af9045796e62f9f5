using System.Net;
using Karmada.ApiServer.Admission;
using Karmada.ApiServer.Controllers;
using Karmada.ApiServer.Defaulting;
using Karmada.ApiServer.Discovery;
using Karmada.ApiServer.Handlers;
using Karmada.ApiServer.Hosting.Loopback;
using Karmada.ApiServer.Http;
using Karmada.ApiServer.OpenApi;
using Karmada.ApiServer.Registry;
using Karmada.ApiServer.Resources;
using Karmada.Security.Authentication;
using Karmada.Security.Kubeconfigs;
using Karmada.Security.Serving;
using Karmada.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Karmada.ApiServer.Hosting;

/// <summary>Builds and starts one API server from its options: security material, storage, services, HTTPS endpoint.</summary>
public static class ApiServerApplication
{
    public static async Task<ApiServerInstance> StartAsync(
        ApiServerOptions options,
        ILoggerFactory loggerFactory,
        Action<IServiceCollection>? configureServices,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.DataDirectory);
        var logger = loggerFactory.CreateLogger("Karmada.ApiServer");
        var security = await SecureServingBootstrap.EnsureAsync(
            new SecureServingOptions
            {
                DataDirectory = options.DataDirectory,
                Name = options.Name,
                AdvertiseAddress = options.AdvertiseAddress,
                Port = options.SecurePort,
                KubeconfigFileName = options.SecurePort == 0 ? null : options.KubeconfigFileName,
            },
            logger,
            cancellationToken);
        options.Storage.DataDirectory ??= options.DataDirectory;
        var store = await ObjectStoreFactory.CreateAsync(options.Storage, loggerFactory, cancellationToken);
        try
        {
            // No appsettings reload: its file watcher costs an inotify instance (128 per user) per server, and one
            // process hosts many (simulated members).
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "karmada-apiserver", Args = ["--hostBuilder:reloadConfigOnChange=false"] });
            builder.WebHost.UseKestrelHttpsConfiguration();
            builder.Logging.ClearProviders();
            builder.Services.Replace(ServiceDescriptor.Singleton(loggerFactory));
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.AddServerHeader = false;
                kestrel.Limits.MaxRequestBodySize = RequestBody.MaxBytes * 2L;
                kestrel.Limits.MinRequestBodyDataRate = null;
                kestrel.Limits.Http2.MaxStreamsPerConnection = 1000;
                kestrel.Listen(IPAddress.Parse(options.BindAddress), options.SecurePort, listen => security.ConfigureHttps(listen));
            });

            // In-process components reach the same pipeline through the loopback transport, without the socket.
            LoopbackServer.Install(builder.Services);
            AddApiServer(builder.Services, options, store);
            security.AddAuthentication(builder.Services);
            configureServices?.Invoke(builder.Services);

            var app = builder.Build();
            _ = Task.Run(() => app.Services.GetRequiredService<SchemaRegistry>().Warm(), cancellationToken);
            options.ConfigurePipeline?.Invoke(app);
            app.UseKubernetesAuthentication();
            var dispatcher = app.Services.GetRequiredService<ApiDispatcher>();
            app.Run(context =>
            {
                context.Items[ApiDispatcher.UserItem] = context.GetKubernetesUser()?.Name ?? "";
                return dispatcher.DispatchAsync(context);
            });
            await app.StartAsync(cancellationToken);
            await app.Services.GetRequiredService<NamespaceLifecycleController>().SystemNamespacesCreated.WaitAsync(cancellationToken);

            var port = options.SecurePort;
            if (port == 0)
            {
                var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
                port = new Uri(address).Port;
            }

            var advertise = string.IsNullOrEmpty(options.AdvertiseAddress) || options.AdvertiseAddress is "0.0.0.0" or "::" ? "127.0.0.1" : options.AdvertiseAddress;
            var url = $"https://{(advertise.Contains(':', StringComparison.Ordinal) ? $"[{advertise}]" : advertise)}:{port}";
            var kubeconfigPath = Path.Combine(options.DataDirectory, options.KubeconfigFileName);
            await Authentication.ClusterInfoPublisher.PublishAsync(app.Services.GetRequiredService<ObjectService>(), url, security.CertificateAuthority.CertificatePem, cancellationToken);
            if (options.SecurePort == 0)
            {
                await KubeconfigWriter.WriteAsync(kubeconfigPath, security.CreateAdminKubeconfig(url), cancellationToken);
            }

            return new ApiServerInstance(app, store, security, url, kubeconfigPath);
        }
        catch
        {
            await store.DisposeAsync();
            security.Dispose();
            throw;
        }
    }

    /// <summary>Registers the API server's services around an existing store (used by hosts and tests).</summary>
    public static void AddApiServer(IServiceCollection services, ApiServerOptions options, IObjectStore store)
    {
        services.AddSingleton(store);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options.Version);
        services.AddSingleton(new ResourceCatalog(BuiltInResources.All.Concat(options.ExtraResources)));
        services.AddSingleton<ResourceStores>();
        services.AddSingleton<IAdmissionPlugin, ObjectMetaValidation>();
        services.AddSingleton(sp => new AdmissionChain(sp.GetServices<IAdmissionPlugin>()));
        services.AddSingleton<ServiceIpAllocator>();
        services.AddSingleton<IObjectDefaulter, BuiltInDefaults>();
        services.AddSingleton<SchemaRegistry>();
        services.AddSingleton<IObjectDefaulter, SchemaDecoding>();
        services.AddSingleton<IAdmissionPlugin, SchemaValidation>();
        services.AddSingleton(sp => new ObjectDefaulting(sp.GetServices<IObjectDefaulter>().ToList()));
        services.AddSingleton<PatchMetas>();
        services.AddSingleton<FieldOwnership>();
        services.AddSingleton<ObjectService>();
        services.AddSingleton<PatchApplier>();
        services.AddSingleton<WatchStreamer>();
        services.AddSingleton<ResourceHandler>();
        services.AddSingleton(sp => new DiscoveryDocuments(sp.GetRequiredService<ResourceCatalog>(), $"{options.AdvertiseAddress ?? "127.0.0.1"}:{options.SecurePort}"));
        services.AddSingleton<IOpenApiEndpoints, OpenApiEndpoints>();
        services.AddSingleton<ApiDispatcher>();
        services.AddSingleton<LoopbackTokenAuthenticator>();
        services.AddSingleton<ITokenAuthenticator>(sp => sp.GetRequiredService<LoopbackTokenAuthenticator>());
        services.AddSingleton<ITokenAuthenticator, Authentication.BootstrapTokenAuthenticator>();
        services.Configure<KubernetesAuthenticationOptions>(o => o.AnonymousPaths.Add(Authentication.ClusterInfoPublisher.Path));
        services.AddSingleton(sp => new NamespaceLifecycleController(
            sp.GetRequiredService<ResourceCatalog>(),
            sp.GetRequiredService<ObjectService>(),
            sp.GetRequiredService<ILogger<NamespaceLifecycleController>>())
        {
            ExtraNamespaces = options.ExtraNamespaces,
        });
        services.AddHostedService(sp => sp.GetRequiredService<NamespaceLifecycleController>());
        services.AddHostedService<GarbageCollector>();
        services.AddHostedService<CustomResourceDefinitionController>();
        services.AddHostedService<StorageCompactor>();
    }
}
