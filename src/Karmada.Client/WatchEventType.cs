namespace Karmada.Client;

/// <summary>
/// The type of a watch event that carries an object. The wire type <c>ERROR</c> has no member here:
/// <see cref="KubeApiClient"/> turns an ERROR event into an exception (<see cref="ResourceExpiredException"/> for 410,
/// <see cref="ApiException"/> otherwise), because the server ends the watch after it and the caller must act on it.
/// </summary>
public enum WatchEventType
{
    Added,
    Modified,
    Deleted,

    /// <summary>Carries only <c>metadata.resourceVersion</c>: progress without a change.</summary>
    Bookmark,
}
