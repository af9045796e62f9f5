using Karmada.Client;
using Karmada.Testing.ControlPlane;

namespace Karmada.Controllers.Tests.BindingStatus;

/// <summary>A real in-process control plane running only the named controllers, one worker each (events in order).</summary>
internal sealed class StatusControllersFixture : IAsyncDisposable
{
    private readonly InProcessControlPlane _controlPlane;

    private StatusControllersFixture(InProcessControlPlane controlPlane) => _controlPlane = controlPlane;

    public KubeApiClient Client => _controlPlane.Client;

    public static async Task<StatusControllersFixture> StartAsync(params string[] controllers) =>
        new(await InProcessControlPlane.StartAsync(
            new InProcessControlPlaneOptions
            {
                DirectoryPrefix = "status-it",
                ConfigureServices = services => services.AddKarmadaControllers(new ControllerManagerOptions { Controllers = controllers, Workers = 1 }),
            },
            CancellationToken.None));

    public ValueTask DisposeAsync() => _controlPlane.DisposeAsync();
}
