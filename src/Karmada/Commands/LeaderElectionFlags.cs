using System.CommandLine;
using Karmada.Client.LeaderElection;
using Karmada.Controllers.Runtime;

namespace Karmada.Host.Commands;

/// <summary>
/// The leader-election flags upstream's controller manager and scheduler share (component-base's
/// <c>--leader-elect*</c>, with client-go's defaults 15s/10s/2s), and the <see cref="LeaderElectionOptions"/> they give.
/// </summary>
internal sealed class LeaderElectionFlags
{
    private readonly string _leaseName;

    public LeaderElectionFlags(string leaseName, string gatedWork)
    {
        _leaseName = leaseName;
        Enabled = new Option<bool>("--leader-elect")
        {
            Description = $"{gatedWork} only while holding the Lease <--leader-elect-resource-namespace>/{leaseName}, so that replicas can run for high availability.",
            DefaultValueFactory = _ => true,
        };
        LeaseDuration = new Option<string>("--leader-elect-lease-duration")
        {
            Description = "How long candidates wait after the last observed renewal before they take over an unrenewed lease.",
            DefaultValueFactory = _ => "15s",
        };
        RenewDeadline = new Option<string>("--leader-elect-renew-deadline")
        {
            Description = "How long the leader retries renewing before it gives up leadership; less than the lease duration.",
            DefaultValueFactory = _ => "10s",
        };
        RetryPeriod = new Option<string>("--leader-elect-retry-period")
        {
            Description = "How long candidates wait between attempts to acquire or renew the lease.",
            DefaultValueFactory = _ => "2s",
        };
        ResourceNamespace = new Option<string>("--leader-elect-resource-namespace")
        {
            Description = "Namespace of the Lease used for leader election.",
            DefaultValueFactory = _ => "karmada-system",
        };
    }

    public Option<bool> Enabled { get; }

    public Option<string> LeaseDuration { get; }

    public Option<string> RenewDeadline { get; }

    public Option<string> RetryPeriod { get; }

    public Option<string> ResourceNamespace { get; }

    public IEnumerable<Option> All => [Enabled, LeaseDuration, RenewDeadline, RetryPeriod, ResourceNamespace];

    /// <summary>The options for the elector, or null with <c>--leader-elect=false</c>; throws <see cref="ArgumentException"/> on bad values.</summary>
    public LeaderElectionOptions? Parse(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (!parse.GetValue(Enabled))
        {
            return null;
        }

        var options = new LeaderElectionOptions
        {
            LeaseName = _leaseName,
            LeaseNamespace = parse.GetValue(ResourceNamespace)!,
            LeaseDuration = ParseDuration(parse.GetValue(LeaseDuration)!, LeaseDuration.Name),
            RenewDeadline = ParseDuration(parse.GetValue(RenewDeadline)!, RenewDeadline.Name),
            RetryPeriod = ParseDuration(parse.GetValue(RetryPeriod)!, RetryPeriod.Name),
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"{ex.Message} (--leader-elect-lease-duration > --leader-elect-renew-deadline > 1.2 x --leader-elect-retry-period > 0)", ex);
        }

        return options;
    }

    /// <summary>The start line's note naming the lease and this candidate's identity (its <c>holderIdentity</c> when leading).</summary>
    public static string Describe(LeaderElectionOptions? options) =>
        options is null ? "; leader election disabled" : $"; leader election on Lease {options.LeaseNamespace}/{options.LeaseName} as {options.Identity}";

    private static TimeSpan ParseDuration(string text, string flag) =>
        GoDuration.TryParse(text, out var value)
            ? value
            : throw new ArgumentException($"{flag} '{text}' is not a duration; use a number with a unit, such as 10s or 500ms.");
}
