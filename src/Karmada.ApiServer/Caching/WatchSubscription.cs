using System.Threading.Channels;

namespace Karmada.ApiServer.Caching;

/// <summary>
/// One watcher's view of a <see cref="WatchCache"/>: the backlog it asked for, then live events. The channel is
/// completed with an exception when the watcher falls too far behind or the cache restarts, so the client
/// re-lists, as kube-apiserver does with unresponsive watchers.
/// </summary>
public sealed class WatchSubscription : IDisposable
{
    private readonly Action<WatchSubscription> _unsubscribe;

    internal WatchSubscription(Channel<WatchCacheEvent> channel, Action<WatchSubscription> unsubscribe)
    {
        Channel = channel;
        _unsubscribe = unsubscribe;
    }

    internal Channel<WatchCacheEvent> Channel { get; }

    public ChannelReader<WatchCacheEvent> Events => Channel.Reader;

    public void Dispose() => _unsubscribe(this);
}
