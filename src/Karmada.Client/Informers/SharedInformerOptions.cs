namespace Karmada.Client.Informers;

/// <summary>What an informer watches and how it recovers.</summary>
public sealed class SharedInformerOptions
{
    /// <summary>Watch one namespace; null watches all namespaces (or a cluster-scoped resource).</summary>
    public string? Namespace { get; set; }

    public string? LabelSelector { get; set; }

    public string? FieldSelector { get; set; }

    /// <summary>Page size of the initial and every later list; 0 lists in one request. Default 500, as kubectl and client-go.</summary>
    public int PageSize { get; set; } = 500;

    /// <summary>
    /// Base of the watch timeout asked from the server; each watch asks for a random value between this and twice it,
    /// so that many informers do not reconnect at once (client-go). Default 5 minutes.
    /// </summary>
    public TimeSpan WatchTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>First delay after a failed list or a broken watch; doubles per failure with jitter. Default 800 ms.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(800);

    /// <summary>Longest delay between retries. Default 30 s.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A copy for one informer, with a scope applied on top of these defaults.</summary>
    internal SharedInformerOptions With(string? @namespace, string? labelSelector, string? fieldSelector) => new()
    {
        Namespace = @namespace,
        LabelSelector = labelSelector,
        FieldSelector = fieldSelector,
        PageSize = PageSize,
        WatchTimeout = WatchTimeout,
        InitialBackoff = InitialBackoff,
        MaxBackoff = MaxBackoff,
    };
}
