namespace Karmada.Client.LeaderElection;

/// <summary>What a <see cref="LeaderElector"/> runs as leadership comes and goes.</summary>
public sealed class LeaderCallbacks
{
    /// <summary>
    /// Runs in the background when leadership is acquired. The token is cancelled when leadership is lost or the
    /// elector stops; the elector waits for the returned task before releasing the lease or trying again.
    /// </summary>
    public required Func<CancellationToken, Task> OnStartedLeading { get; init; }

    /// <summary>Called after leadership ended and the started work has finished.</summary>
    public Action? OnStoppedLeading { get; init; }

    /// <summary>Called when a different holder is observed (including this candidate).</summary>
    public Action<string>? OnNewLeader { get; init; }
}
