using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;

namespace Karmada.ApiServer.Hosting.Loopback;

/// <summary>The host's application with its context type erased: runs one request given its features.</summary>
internal interface ILoopbackApplication
{
    Task ProcessAsync(IFeatureCollection features, LoopbackExchange exchange);
}

/// <summary>Runs a request through the host's <see cref="IHttpApplication{TContext}"/> the way a server does.</summary>
internal sealed class LoopbackApplication<TContext>(IHttpApplication<TContext> application, LoopbackServer server) : ILoopbackApplication
    where TContext : notnull
{
    public async Task ProcessAsync(IFeatureCollection features, LoopbackExchange exchange)
    {
        var context = application.CreateContext(features);
        Exception? error = null;
        try
        {
            await application.ProcessRequestAsync(context).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // a server turns whatever the application throws into a 500 or a reset, as Kestrel does
        catch (Exception ex)
#pragma warning restore CA1031
        {
            error = ex;
            server.LogApplicationError(exchange.Method, exchange.Path, ex);
        }

        try
        {
            await exchange.EndAsync(error).ConfigureAwait(false);
        }
        finally
        {
            application.DisposeContext(context, error);
            server.Release(exchange);
        }
    }
}
