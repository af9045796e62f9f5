namespace Karmada.Storage.Watching;

/// <summary>
/// What a new watch must replay before its live events: first the durable log up to <see cref="LogUpToRevision"/>
/// (0 when the in-memory history suffices), then <see cref="Backlog"/>, then whatever arrives on the subscriber.
/// </summary>
internal readonly record struct WatchStart(WatchSubscriber Subscriber, long LogUpToRevision, IReadOnlyList<StoreEvent> Backlog);
