namespace Karmada.Client;

/// <summary>Query options of a WATCH request.</summary>
public sealed class WatchOptions
{
    /// <summary>
    /// Watch changes after this version (normally a list's resourceVersion). Null or <c>0</c> makes the server
    /// first send a synthetic ADDED event for every current object.
    /// </summary>
    public string? ResourceVersion { get; set; }

    /// <summary>Ask for BOOKMARK events, which advance the resourceVersion without an object change. On by default.</summary>
    public bool AllowWatchBookmarks { get; set; } = true;

    /// <summary>Asks the server to end the watch cleanly after this many seconds.</summary>
    public int? TimeoutSeconds { get; set; }

    public string? LabelSelector { get; set; }

    public string? FieldSelector { get; set; }
}
