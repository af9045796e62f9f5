using Karmada.ApiServer.ControlPlane;
using Karmada.ApiServer.Hosting;
using Karmada.Client;
using Karmada.Controllers;
using Karmada.Member;
using Karmada.Security.Serving;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Karmada.Host.Up;

/// <summary>
/// A whole Karmada in one process, as <c>karmada up</c> runs it: the control plane's API server, its controller
/// manager and scheduler, and simulated members joined in Push mode. Dispose to stop everything.
/// </summary>
public sealed class LocalKarmada : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan NamespaceTimeout = TimeSpan.FromSeconds(30);

    private readonly List<MemberCluster> _members = [];
    private ApiServerInstance? _apiServer;
    private IHost? _components;

    private LocalKarmada(UpLayout layout)
    {
        Layout = layout;
    }

    public UpLayout Layout { get; }

    /// <summary>The control plane's HTTPS URL.</summary>
    public string Url => _apiServer?.Url ?? "";

    public IReadOnlyList<MemberCluster> Members => _members;

    /// <summary>
    /// Starts everything, printing a progress line per step to <paramref name="output"/>, and returns once the
    /// simulated members' Clusters are Ready, or <see cref="UpOptions.ReadyTimeout"/> passed: then <c>NotReady</c>
    /// says which are not and why. Whatever started is stopped again if a step fails.
    /// </summary>
    public static async Task<(LocalKarmada Karmada, IReadOnlyList<string> NotReady)> StartAsync(
        UpOptions options, TextWriter output, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var karmada = new LocalKarmada(new UpLayout(options.DataDirectory));
        try
        {
            var notReady = await karmada.RunStepsAsync(options, new UpProgress(output), loggerFactory, cancellationToken);
            return (karmada, notReady);
        }
        catch
        {
            await karmada.DisposeAsync();
            throw;
        }
    }

    private async Task<IReadOnlyList<string>> RunStepsAsync(UpOptions options, UpProgress progress, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Layout.DataDirectory);
        var url = SecureServingBootstrap.BuildServerUrl(options.BindAddress, options.SecurePort);
        if (!PortProbe.IsFree(options.BindAddress, options.SecurePort))
        {
            throw PortTaken(options);
        }

        await progress.StepAsync($"starting API server on {url}", async () =>
        {
            _apiServer = await StartApiServerAsync(options, loggerFactory, cancellationToken);
            using var client = await KubeApiClient.FromKubeconfigAsync(_apiServer.KubeconfigPath);
            await WaitForNamespacesAsync(client, cancellationToken);
        });

        var plans = SimulatedMemberPlan.ForCount(options.Members, options.NodesPerMember);
        foreach (var plan in plans)
        {
            await progress.StepAsync($"starting {plan.Name} ({plan.Describe()})", async () =>
                _members.Add(await SimulatedMemberStarter.StartAsync(Layout, plan, loggerFactory, cancellationToken)));
        }

        if (plans.Count > 0)
        {
            using var controlPlane = await KubeApiClient.FromKubeconfigAsync(Layout.ControlPlaneKubeconfig, options: new KubeApiClientOptions { UserAgent = "karmada-up" });
            foreach (var plan in plans)
            {
                await progress.StepAsync(
                    $"joining {plan.Name}",
                    () => SimulatedMemberRegistration.EnsureAsync(controlPlane, plan, Layout.MemberKubeconfig(plan.Name), cancellationToken),
                    outcome => outcome switch
                    {
                        RegistrationOutcome.Updated => "already joined; endpoint or credentials updated",
                        RegistrationOutcome.Unchanged => "already joined",
                        _ => null,
                    });
            }
        }

        await progress.StepAsync("starting controller manager and scheduler", async () =>
            _components = await ControlPlaneComponents.StartAsync(_apiServer!, loggerFactory, cancellationToken));

        if (plans.Count == 0)
        {
            return [];
        }

        await progress.Output.WriteAsync("waiting for clusters to be Ready ... ");
        var notReady = await ClusterReadiness.WaitAsync(
            ControllerServiceCollectionExtensions.ClusterInformer(_components!.Services),
            [.. plans.Select(p => p.Name)],
            options.ReadyTimeout,
            TimeProvider.System,
            cancellationToken);
        await progress.Output.WriteLineAsync(notReady.Count == 0 ? "ok" : $"timed out after {options.ReadyTimeout.TotalSeconds:0}s ({string.Join("; ", notReady)})");
        return notReady;
    }

    private static async Task<ApiServerInstance> StartApiServerAsync(UpOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        try
        {
            return await ApiServerApplication.StartAsync(
                new ApiServerOptions
                {
                    DataDirectory = Path.GetFullPath(options.DataDirectory),
                    SecurePort = options.SecurePort,
                    BindAddress = options.BindAddress,
                    Storage = options.Storage,
                    ExtraNamespaces = ControlPlaneServices.SystemNamespaces,
                    ExtraResources = KarmadaResourceDefinitions.All,
                },
                loggerFactory,
                ControlPlaneServices.Add,
                cancellationToken);
        }
        catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            throw PortTaken(options);
        }
    }

    private static UpException PortTaken(UpOptions options) =>
        new($"port {options.SecurePort} on {options.BindAddress} is already in use (another karmada up or Kubernetes API server?); pick a free one with --secure-port PORT.");

    /// <summary>The API server creates karmada-system and karmada-cluster in the background; joins write into them.</summary>
    private static async Task WaitForNamespacesAsync(KubeApiClient client, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(NamespaceTimeout);
        foreach (var name in ControlPlaneServices.SystemNamespaces)
        {
            try
            {
                while (!await NamespaceExistsAsync(name, timeout.Token))
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, timeout.Token);
                }
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new UpException($"the API server did not create namespace {name} within {NamespaceTimeout.TotalSeconds:0}s.");
            }
        }

        async Task<bool> NamespaceExistsAsync(string name, CancellationToken token)
        {
            try
            {
                await client.GetAsync(ResourceRef.Namespaces, null, name, token);
                return true;
            }
            catch (ApiException ex) when (ex.IsNotFound())
            {
                return false;
            }
        }
    }

    /// <summary>Stops the controllers first (so they do not see members vanish), then the members and the API server together.</summary>
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(StopTimeout);
        if (_components is not null)
        {
            try
            {
                await _components.StopAsync(timeout.Token);
            }
            finally
            {
                _components.Dispose();
                _components = null;
            }
        }

        // Members and the API server no longer depend on each other: stop them together.
        var stopping = _members.Select(m => m.DisposeAsync().AsTask()).ToList();
        _members.Clear();
        if (_apiServer is not null)
        {
            stopping.Add(_apiServer.DisposeAsync().AsTask());
            _apiServer = null;
        }

        await Task.WhenAll(stopping);
    }
}
