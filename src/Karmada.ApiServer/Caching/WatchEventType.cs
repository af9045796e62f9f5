namespace Karmada.ApiServer.Caching;

/// <summary>Watch event types as they appear on the wire.</summary>
public enum WatchEventType
{
    Added,
    Modified,
    Deleted,
}
