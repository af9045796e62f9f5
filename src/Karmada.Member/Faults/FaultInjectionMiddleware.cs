using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Karmada.Member.Faults;

/// <summary>
/// Middleware in front of a member's API server that makes external requests see the injected faults: unreachable
/// aborts the connection, slow delays the request, errors answer a share of requests with a 500 Status. Requests of
/// the member's own simulated components (recognised by their user agent) pass untouched: the cluster keeps running,
/// only its reachability from outside changes, as with a real network fault.
/// </summary>
public static class FaultInjectionMiddleware
{
    /// <summary>The user agent prefix of the member's own components.</summary>
    public const string InternalUserAgent = "karmada-member-simulator";

    private static readonly byte[] InternalErrorBody =
        """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"simulated fault: the member cluster answered with an internal error","reason":"InternalError","code":500}"""u8.ToArray();

    public static void UseFaultInjection(this IApplicationBuilder app, FaultInjector faults, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(faults);
        ArgumentNullException.ThrowIfNull(timeProvider);
        app.Use(async (context, next) =>
        {
            if (IsInternal(context))
            {
                await next(context);
                return;
            }

            if (IsHealthProbe(context))
            {
                faults.NoteHealthProbe();
            }

            var state = faults.Current;
            if (state == FaultState.Healthy)
            {
                await next(context);
                return;
            }

            if (state.Unreachable)
            {
                context.Abort();
                return;
            }

            if (state.LatencyMilliseconds > 0)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(state.LatencyMilliseconds), timeProvider, context.RequestAborted);
                }
                catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
                {
                    return;
                }
            }

            if (state.ErrorPercent > 0 && Random.Shared.Next(100) < state.ErrorPercent)
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                context.Response.ContentType = "application/json";
                await context.Response.Body.WriteAsync(InternalErrorBody, context.RequestAborted);
                return;
            }

            await next(context);
        });
    }

    private static bool IsHealthProbe(HttpContext context) =>
        context.Request.Path.Value is "/readyz" or "/healthz" or "/livez";

    private static bool IsInternal(HttpContext context) =>
        context.Request.Headers.UserAgent.ToString().StartsWith(InternalUserAgent, StringComparison.Ordinal);
}
