using Karmada.Client;
using Karmada.Client.Controllers;
using Karmada.Client.Queues;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Karmada.Controllers.Runtime;

/// <summary>
/// A controller fed by several informers (<see cref="EventSource"/>s) that map their events to the keys to
/// reconcile, e.g. bindings from their own events and from their Works' status changes. Handlers are registered when
/// the service starts and removed when it stops, so a leader-gated controller can run again in a later term.
/// </summary>
public sealed class MultiSourceReconcilerHostedService : IHostedService, IDisposable
{
    private readonly IReadOnlyList<EventSource> _sources;
    private readonly WorkQueue<ObjectKey> _queue;
    private readonly Controller<ObjectKey> _controller;
    private List<IDisposable> _registrations = [];

    public MultiSourceReconcilerHostedService(
        string name,
        IReconciler<ObjectKey> reconciler,
        IReadOnlyList<EventSource> sources,
        int workers,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        Name = name;
        _sources = sources;
        _queue = new WorkQueue<ObjectKey>(name, RateLimiters.DefaultController<ObjectKey>(timeProvider), timeProvider);
        _controller = new Controller<ObjectKey>(
            name,
            reconciler,
            _queue,
            Options.Create(new ControllerOptions { Workers = workers }),
            loggerFactory.CreateLogger<Controller<ObjectKey>>(),
            [.. sources.Select(s => s.Informer)],
            timeProvider);
    }

    public string Name { get; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _registrations = [.. _sources.Select(s => s.Register(_queue.Add))];
        await _controller.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        DisposeRegistrations();
        await _controller.StopAsync(cancellationToken);
    }

    public void Dispose()
    {
        DisposeRegistrations();
        _controller.Dispose();
        _queue.Dispose();
    }

    private void DisposeRegistrations()
    {
        var registrations = _registrations;
        _registrations = [];
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }
    }
}
