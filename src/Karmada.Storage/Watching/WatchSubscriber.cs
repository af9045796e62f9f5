using System.Threading.Channels;

namespace Karmada.Storage.Watching;

/// <summary>One live watch: a bounded queue of events under a prefix after a revision.</summary>
internal sealed class WatchSubscriber
{
    private readonly Channel<StoreEvent> _channel;

    public WatchSubscriber(string prefix, long afterRevision, int capacity)
    {
        Prefix = prefix;
        AfterRevision = afterRevision;
        _channel = Channel.CreateBounded<StoreEvent>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public string Prefix { get; }

    public long AfterRevision { get; }

    public ChannelReader<StoreEvent> Reader => _channel.Reader;

    public bool Matches(StoreEvent e) => e.Revision > AfterRevision && e.Key.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Queues without waiting: the publisher is a writer and must never block on a slow reader.</summary>
    public bool TryWrite(StoreEvent e) => _channel.Writer.TryWrite(e);

    public void End(Exception reason) => _channel.Writer.TryComplete(reason);
}
