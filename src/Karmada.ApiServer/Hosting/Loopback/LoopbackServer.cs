using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Karmada.ApiServer.Hosting.Loopback;

/// <summary>
/// Wraps the host's <see cref="IServer"/> (Kestrel) to capture the request pipeline the host hands it, so that
/// <see cref="LoopbackHandler"/> can run requests through exactly the application Kestrel runs: hosting (request
/// services, diagnostics), every middleware and the API dispatcher. Like a listener, it refuses requests before start
/// and after stop, and a stop aborts the loopback requests still running once its token fires.
/// </summary>
public sealed partial class LoopbackServer : IServer
{
    private const string InnerServerKey = "karmada-loopback-inner";

    private readonly IServer _inner;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly HashSet<LoopbackExchange> _inFlight = [];
    private TaskCompletionSource? _drained;
    private ILoopbackApplication? _application;

    public LoopbackServer(IServer inner, ILogger<LoopbackServer> logger)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(logger);
        _inner = inner;
        _logger = logger;
    }

    public IFeatureCollection Features => _inner.Features;

    /// <summary>
    /// Puts a <see cref="LoopbackServer"/> in front of the <see cref="IServer"/> registered in
    /// <paramref name="services"/> (call after the server is configured, e.g. after <c>UseKestrel</c>). The server
    /// is then also resolvable as <see cref="LoopbackServer"/>.
    /// </summary>
    public static void Install(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IServer) && !d.IsKeyedService)
            ?? throw new InvalidOperationException("No IServer is registered; configure the web host's server before installing the loopback transport.");
        services.Remove(registered);

        // The original registration lives on under a key, so the container still builds (and disposes) the real server.
        services.Add(registered switch
        {
            { ImplementationInstance: { } instance } => ServiceDescriptor.KeyedSingleton(typeof(IServer), InnerServerKey, instance),
            { ImplementationFactory: { } factory } => ServiceDescriptor.KeyedSingleton(typeof(IServer), InnerServerKey, (sp, _) => factory(sp)),
            _ => ServiceDescriptor.KeyedSingleton(typeof(IServer), InnerServerKey, registered.ImplementationType!),
        });
        services.AddSingleton(sp => new LoopbackServer(
            sp.GetRequiredKeyedService<IServer>(InnerServerKey),
            sp.GetRequiredService<ILogger<LoopbackServer>>()));
        services.AddSingleton<IServer>(sp => sp.GetRequiredService<LoopbackServer>());
    }

    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
        where TContext : notnull
    {
        ArgumentNullException.ThrowIfNull(application);
        lock (_gate)
        {
            _application = new LoopbackApplication<TContext>(application, this);
        }

        return _inner.StartAsync(application, cancellationToken);
    }

    /// <summary>
    /// Stops accepting loopback requests, lets the running ones finish until <paramref name="cancellationToken"/>
    /// fires (as Kestrel's graceful shutdown does), then aborts the rest; stops the wrapped server alongside.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var inner = _inner.StopAsync(cancellationToken);
        await DrainAsync(cancellationToken).ConfigureAwait(false);
        await inner.ConfigureAwait(false);
    }

    public void Dispose()
    {
        // The container disposes the wrapped server; what is left to do is not to leave loopback requests hanging.
        AbortAll();
    }

    /// <summary>Admits one request; throws as a refused connection would when the server is not running.</summary>
    internal ILoopbackApplication Admit(LoopbackExchange exchange)
    {
        lock (_gate)
        {
            if (_application is null || _drained is not null)
            {
                throw new HttpRequestException(
                    HttpRequestError.ConnectionError,
                    "The API server is not serving (not started yet, or stopped); its loopback transport refused the request.",
                    new SocketException((int)SocketError.ConnectionRefused));
            }

            _inFlight.Add(exchange);
            return _application;
        }
    }

    internal void Release(LoopbackExchange exchange)
    {
        lock (_gate)
        {
            _inFlight.Remove(exchange);
            if (_inFlight.Count == 0)
            {
                _drained?.TrySetResult();
            }
        }
    }

    internal void LogApplicationError(string method, string path, Exception exception) =>
        LogUnhandled(_logger, method, path, exception);

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        Task drained;
        lock (_gate)
        {
            _drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_inFlight.Count == 0)
            {
                _drained.TrySetResult();
            }

            drained = _drained.Task;
        }

        try
        {
            await drained.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            AbortAll();
        }
    }

    private void AbortAll()
    {
        LoopbackExchange[] running;
        lock (_gate)
        {
            _drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            running = [.. _inFlight];
        }

        foreach (var exchange in running)
        {
            exchange.Abort();
        }
    }

    // Event ids 1501-1509: loopback transport. Next free id: 1502.
    [LoggerMessage(1501, LogLevel.Error, "Unhandled exception serving loopback request {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, string method, string path, Exception exception);
}
