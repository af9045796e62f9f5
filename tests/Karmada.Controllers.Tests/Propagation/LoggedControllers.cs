using Karmada.Client;
using Karmada.Testing.ControlPlane;

namespace Karmada.Controllers.Tests.Propagation;

/// <summary>
/// An in-process control plane running only the named controllers, every write it receives logged, and a client of
/// the test's own whose user agent tells the test's writes from the controllers' in the log.
/// </summary>
public sealed class LoggedControllers : IAsyncDisposable
{
    private LoggedControllers(InProcessControlPlane controlPlane, KubeApiClient test, ControlPlaneWriteLog log)
    {
        ControlPlane = controlPlane;
        Test = test;
        Log = log;
    }

    public InProcessControlPlane ControlPlane { get; }

    /// <summary>The test's client, made with the options the test asked for.</summary>
    public KubeApiClient Test { get; }

    public ControlPlaneWriteLog Log { get; }

    /// <summary>Starts a control plane (data directory named after <paramref name="directoryPrefix"/>) running <paramref name="controllers"/>.</summary>
    public static async Task<LoggedControllers> StartAsync(string directoryPrefix, IReadOnlyList<string> controllers, KubeApiClientOptions testClient, CancellationToken cancellationToken)
    {
        var log = new ControlPlaneWriteLog();
        var controlPlane = await InProcessControlPlane.StartAsync(
            new InProcessControlPlaneOptions
            {
                DirectoryPrefix = directoryPrefix,
                ConfigurePipeline = log.Attach,
                ConfigureServices = services => services.AddKarmadaControllers(new ControllerManagerOptions { Controllers = controllers }),
            },
            cancellationToken);
        return new LoggedControllers(controlPlane, new KubeApiClient(controlPlane.Configuration, testClient), log);
    }

    public async ValueTask DisposeAsync()
    {
        Test.Dispose();
        await ControlPlane.DisposeAsync();
    }
}
