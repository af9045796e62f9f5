using Karmada.Testing;

namespace Karmada.E2E.Tests;

/// <summary>One real <c>karmada apiserver</c> process per test class, on the storage the subclass chooses.</summary>
public abstract class ApiServerFixture : IAsyncLifetime
{
    private readonly TempDirectory _dataDir = new("karmada-e2e");
    private KarmadaProcess? _process;

    public string DataDir => _dataDir.Path;

    public string Kubeconfig => Path.Combine(DataDir, "karmada-apiserver.config");

    public int Port { get; } = FreePort.Next();

    public KarmadaProcess Process => _process ?? throw new InvalidOperationException("not started");

    public Kubectl Kubectl(string version) => new(version, Kubeconfig);

    public virtual async Task InitializeAsync()
    {
        _process = await KarmadaProcess.StartApiServerAsync(DataDir, Port, await StorageArgumentsAsync());
    }

    public virtual async Task DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        _dataDir.Dispose();
    }

    protected abstract Task<string[]> StorageArgumentsAsync();
}
