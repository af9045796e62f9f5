using k8s;
using Karmada.Testing.ControlPlane;

namespace Karmada.ApiServer.Tests.Integration;

/// <summary>
/// A plain Kubernetes API server (no Karmada kinds) on memory storage and a free port, in this process, with a
/// KubernetesClient for it; shared by a test class as its fixture.
/// </summary>
public sealed class InProcessApiServer : IAsyncLifetime
{
    private InProcessControlPlane _server = null!;

    public Kubernetes Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = await InProcessControlPlane.StartAsync(new InProcessControlPlaneOptions { DirectoryPrefix = "apiserver-it", KarmadaResources = false });
        Client = new Kubernetes(_server.Configuration);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await _server.DisposeAsync();
    }
}
