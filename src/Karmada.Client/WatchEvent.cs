namespace Karmada.Client;

/// <summary>One event of a watch stream.</summary>
/// <param name="Type">What happened.</param>
/// <param name="Object">
/// The object after the change (for <see cref="WatchEventType.Deleted"/>, its last state; for
/// <see cref="WatchEventType.Bookmark"/>, an object with only <c>kind</c>, <c>apiVersion</c> and <c>metadata.resourceVersion</c>).
/// </param>
public sealed record WatchEvent<T>(WatchEventType Type, T Object);
