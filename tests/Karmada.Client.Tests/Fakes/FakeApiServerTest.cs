namespace Karmada.Client.Tests.Fakes;

/// <summary>A test class that talks to a fresh <see cref="FakeApiServer"/> per test through a plain client of it.</summary>
public abstract class FakeApiServerTest : IAsyncLifetime
{
    protected FakeApiServer Server { get; private set; } = null!;

    protected KubeApiClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await FakeApiServer.StartAsync();
        Client = TestResources.CreateClient(Server);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
