using Karmada.Client;
using Karmada.Client.Controllers;
using Karmada.Client.Informers;
using Karmada.Client.Queues;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Karmada.Controllers.Runtime;

/// <summary>
/// One controller of the controller manager: a <see cref="Controller{TKey}"/> over a reconciler, fed by an informer
/// whose events enqueue the object's key (updates only when <c>updateFilter</c>, if given, says the change matters:
/// upstream's predicates). The handler is registered when the service starts (the informer replays its cache as adds)
/// and removed when it stops, so a leader-gated controller can run again in a later term.
/// </summary>
public sealed class ReconcilerHostedService<T> : IHostedService, IDisposable where T : class
{
    private readonly SharedInformer<T> _informer;
    private readonly ObjectMetaAccessor<T> _meta;
    private readonly WorkQueue<ObjectKey> _queue;
    private readonly Controller<ObjectKey> _controller;
    private readonly Func<T, T, bool>? _updateFilter;
    private IDisposable? _registration;

    public ReconcilerHostedService(
        string name,
        IReconciler<ObjectKey> reconciler,
        SharedInformer<T> informer,
        ObjectMetaAccessor<T> meta,
        int workers,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory,
        Func<T, T, bool>? updateFilter = null)
    {
        ArgumentNullException.ThrowIfNull(informer);
        ArgumentNullException.ThrowIfNull(meta);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        Name = name;
        _informer = informer;
        _meta = meta;
        _updateFilter = updateFilter;
        _queue = new WorkQueue<ObjectKey>(name, RateLimiters.DefaultController<ObjectKey>(timeProvider), timeProvider);
        _controller = new Controller<ObjectKey>(
            name,
            reconciler,
            _queue,
            Options.Create(new ControllerOptions { Workers = workers }),
            loggerFactory.CreateLogger<Controller<ObjectKey>>(),
            [informer],
            timeProvider);
    }

    public string Name { get; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _registration = _informer.AddEventHandler(
            onAdd: obj => _queue.Add(_meta.GetKey(obj)),
            onUpdate: (old, obj) =>
            {
                if (_updateFilter?.Invoke(old, obj) != false)
                {
                    _queue.Add(_meta.GetKey(obj));
                }
            },
            onDelete: obj => _queue.Add(_meta.GetKey(obj)));
        await _controller.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _registration?.Dispose();
        _registration = null;
        await _controller.StopAsync(cancellationToken);
    }

    public void Dispose()
    {
        _registration?.Dispose();
        _controller.Dispose();
        _queue.Dispose();
    }
}
