namespace Karmada.Client.LeaderElection;

/// <summary>Where the lease lives, who we are, and the timing of leader election (client-go defaults).</summary>
public sealed class LeaderElectionOptions
{
    /// <summary>Namespace of the Lease object.</summary>
    public string LeaseNamespace { get; set; } = "karmada-system";

    /// <summary>Name of the Lease object, normally the component name (<c>karmada-controller-manager</c>).</summary>
    public string LeaseName { get; set; } = string.Empty;

    /// <summary>This candidate's unique identity, written to <c>holderIdentity</c>. Default: host name plus a random suffix.</summary>
    public string Identity { get; set; } = $"{Environment.MachineName}_{Guid.NewGuid():N}";

    /// <summary>How long non-leaders wait after the last observed change before taking over. Default 15 s.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the leader keeps retrying a renewal before it gives up leadership. Default 10 s.</summary>
    public TimeSpan RenewDeadline { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Interval between acquire and renew attempts. Default 2 s.</summary>
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>On cancellation, clear the holder so another candidate can take over at once instead of after expiry.</summary>
    public bool ReleaseOnCancel { get; set; } = true;

    /// <summary>Throws when the settings cannot work (the same rules as client-go's <c>NewLeaderElector</c>).</summary>
    public void Validate()
    {
        if (string.IsNullOrEmpty(LeaseName) || string.IsNullOrEmpty(LeaseNamespace) || string.IsNullOrEmpty(Identity))
        {
            throw new ArgumentException("LeaseName, LeaseNamespace and Identity are required for leader election.");
        }

        if (LeaseDuration <= RenewDeadline)
        {
            throw new ArgumentException("LeaseDuration must be greater than RenewDeadline.");
        }

        if (RenewDeadline <= RetryPeriod * 1.2)
        {
            throw new ArgumentException("RenewDeadline must be greater than 1.2 * RetryPeriod.");
        }

        if (RetryPeriod <= TimeSpan.Zero)
        {
            throw new ArgumentException("RetryPeriod must be positive.");
        }
    }
}
