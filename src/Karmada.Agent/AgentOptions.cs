namespace Karmada.Agent;

/// <summary>Settings of <c>karmada agent</c> (upstream karmada-agent's flag names in the docs).</summary>
public sealed class AgentOptions
{
    /// <summary><c>--cluster-name</c>: the Cluster this agent registers and serves. Required.</summary>
    public string ClusterName { get; set; } = "";

    /// <summary><c>--cluster-api-endpoint</c>: recorded in <c>spec.apiEndpoint</c>; default the member kubeconfig's server.</summary>
    public string? ClusterApiEndpoint { get; set; }

    /// <summary><c>--cluster-provider</c>.</summary>
    public string? ClusterProvider { get; set; }

    /// <summary><c>--cluster-region</c>.</summary>
    public string? ClusterRegion { get; set; }

    /// <summary><c>--cluster-zones</c>.</summary>
    public IReadOnlyList<string> ClusterZones { get; set; } = [];

    /// <summary><c>--cluster-status-update-frequency</c>: how often the member is probed and its status posted. Default 10 s.</summary>
    public TimeSpan ClusterStatusUpdateFrequency { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary><c>--cluster-lease-duration</c>: <c>leaseDurationSeconds</c> of the cluster's Lease. Default 40 s.</summary>
    public TimeSpan ClusterLeaseDuration { get; set; } = TimeSpan.FromSeconds(40);

    /// <summary><c>--cluster-lease-renew-interval-fraction</c>: the Lease is renewed every duration × fraction. Default 0.25.</summary>
    public double ClusterLeaseRenewIntervalFraction { get; set; } = 0.25;

    /// <summary><c>--cluster-success-threshold</c>: how long the member must be healthy before it turns Ready. Default 30 s.</summary>
    public TimeSpan ClusterSuccessThreshold { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary><c>--cluster-failure-threshold</c>: how long the member must be unhealthy before it turns not Ready. Default 30 s.</summary>
    public TimeSpan ClusterFailureThreshold { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of each request to the member. Default 10 s.</summary>
    public TimeSpan ClusterApiTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary><c>--concurrent-work-syncs</c>: workers of the execution and work-status controllers. Default 5.</summary>
    public int Workers { get; set; } = 5;

    /// <summary>How often the Lease is renewed.</summary>
    public TimeSpan LeaseRenewInterval => ClusterLeaseDuration * ClusterLeaseRenewIntervalFraction;

    /// <summary>Throws <see cref="ArgumentException"/> for settings that cannot work.</summary>
    public void Validate()
    {
        if (string.IsNullOrEmpty(ClusterName))
        {
            throw new ArgumentException("--cluster-name is required.");
        }

        if (ClusterName.Length > 48 || !System.Text.RegularExpressions.Regex.IsMatch(ClusterName, "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"))
        {
            throw new ArgumentException($"--cluster-name '{ClusterName}' must be a DNS label of at most 48 characters (lower-case letters, digits, '-').");
        }

        if (ClusterStatusUpdateFrequency <= TimeSpan.Zero || ClusterLeaseDuration < TimeSpan.FromSeconds(1) || ClusterApiTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("--cluster-status-update-frequency and the API timeout must be positive, --cluster-lease-duration at least 1s.");
        }

        if (ClusterLeaseRenewIntervalFraction is <= 0 or >= 1)
        {
            throw new ArgumentException("--cluster-lease-renew-interval-fraction must be between 0 and 1.");
        }

        if (ClusterSuccessThreshold < TimeSpan.Zero || ClusterFailureThreshold < TimeSpan.Zero || Workers <= 0)
        {
            throw new ArgumentException("The thresholds must not be negative and the worker count must be positive.");
        }
    }
}
