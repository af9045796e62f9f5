using System.Diagnostics.Metrics;

namespace Karmada.Client;

/// <summary>
/// The REST client's instruments, named like client-go's (<c>rest_client_requests_total</c>,
/// <c>rest_client_rate_limiter_duration_seconds</c>), tagged with the client's <c>user_agent</c> and the request's
/// <c>verb</c>. The rate-limiter wait is what tells a throttled controller from a slow server.
/// </summary>
internal static class ClientMetrics
{
    public const string MeterName = "Karmada.Client.Rest";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> Requests = Meter.CreateCounter<long>("rest_client_requests_total", description: "Number of HTTP requests, partitioned by user agent and verb.");

    public static readonly Histogram<double> RateLimiterDuration = Meter.CreateHistogram<double>("rest_client_rate_limiter_duration_seconds", "s", "Client-side rate limiter latency, by user agent.");
}
