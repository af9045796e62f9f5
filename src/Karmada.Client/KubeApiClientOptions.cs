namespace Karmada.Client;

/// <summary>Client-side behaviour of a <see cref="KubeApiClient"/>.</summary>
public sealed class KubeApiClientOptions
{
    /// <summary>
    /// Sustained requests per second allowed by the client-side token bucket; 0 or less disables client-side limiting.
    /// Default 200: our API server is far faster than the 40 QPS that upstream components assume.
    /// </summary>
    public double Qps { get; set; } = 200;

    /// <summary>Requests that may be sent at once before <see cref="Qps"/> applies. Default 400.</summary>
    public int Burst { get; set; } = 400;

    /// <summary>
    /// Timeout of every non-watch request, including reading its body. Null takes the kubeconfig's
    /// <c>HttpClientTimeout</c> (100 s by default). Watches have no client-side timeout.
    /// </summary>
    public TimeSpan? RequestTimeout { get; set; }

    /// <summary>The User-Agent header; identifies the component in server logs.</summary>
    public string UserAgent { get; set; } = "karmada-dotnet";
}
