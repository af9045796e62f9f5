using Microsoft.Extensions.Hosting;

namespace Karmada.Controllers.Runtime;

/// <summary>Starts a set of hosted services in order and stops them in reverse (the controllers without leader election).</summary>
public sealed class HostedServiceGroup : IHostedService
{
    private readonly Func<IEnumerable<IHostedService>> _create;
    private List<IHostedService> _started = [];

    public HostedServiceGroup(Func<IEnumerable<IHostedService>> create)
    {
        _create = create;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = new List<IHostedService>();
        foreach (var service in _create())
        {
            await service.StartAsync(cancellationToken);
            started.Add(service);
        }

        _started = started;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var started = _started;
        _started = [];
        for (var i = started.Count - 1; i >= 0; i--)
        {
            await started[i].StopAsync(cancellationToken);
        }
    }
}
