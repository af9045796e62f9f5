using System.CommandLine;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Controllers.Eviction;
using Karmada.Controllers.Runtime;

namespace Karmada.Host.Commands;

/// <summary>
/// Upstream controller manager's failover flags (<c>--graceful-eviction-timeout</c>,
/// <c>--enable-no-execute-taint-eviction</c>, <c>--no-execute-taint-eviction-purge-mode</c>) and the
/// <see cref="EvictionOptions"/> they give.
/// </summary>
internal sealed class EvictionFlags
{
    public Option<string> GracefulEvictionTimeout { get; } = new("--graceful-eviction-timeout")
    {
        Description = "How long an evicted copy stays on its old cluster while the replacement is not yet healthy; then it is removed anyway.",
        DefaultValueFactory = _ => "10m",
    };

    // Upstream defaults this to false; here the taintManager is on by default, and NoExecute taints only appear when
    // a ClusterTaintPolicy or a user puts them on a cluster, so honouring them is the expected behaviour.
    public Option<bool> EnableNoExecuteTaintEviction { get; } = new("--enable-no-execute-taint-eviction")
    {
        Description = "Evict workloads from clusters with NoExecute taints they do not tolerate (default true here; upstream defaults to false).",
        DefaultValueFactory = _ => true,
    };

    public Option<string> NoExecuteTaintEvictionPurgeMode { get; } = new("--no-execute-taint-eviction-purge-mode")
    {
        Description = "How NoExecute taint evictions remove workloads of bindings without failover.cluster: Gracefully (after the replacement is healthy or the timeout) or Directly.",
        DefaultValueFactory = _ => nameof(PurgeMode.Gracefully),
    };

    public IEnumerable<Option> All => [GracefulEvictionTimeout, EnableNoExecuteTaintEviction, NoExecuteTaintEvictionPurgeMode];

    /// <summary>The options the flags describe; throws <see cref="ArgumentException"/> on bad values.</summary>
    public EvictionOptions Parse(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var timeoutText = parse.GetValue(GracefulEvictionTimeout)!;
        if (!GoDuration.TryParse(timeoutText, out var timeout) || timeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{GracefulEvictionTimeout.Name} '{timeoutText}' is not a positive duration; use a number with a unit, such as 10m or 90s.");
        }

        var purgeMode = parse.GetValue(NoExecuteTaintEvictionPurgeMode)! switch
        {
            nameof(PurgeMode.Gracefully) => PurgeMode.Gracefully,
            nameof(PurgeMode.Directly) => PurgeMode.Directly,
            var other => throw new ArgumentException($"{NoExecuteTaintEvictionPurgeMode.Name} '{other}' is not supported; use Gracefully or Directly."),
        };
        return new EvictionOptions
        {
            GracefulEvictionTimeout = timeout,
            EnableNoExecuteTaintEviction = parse.GetValue(EnableNoExecuteTaintEviction),
            NoExecuteTaintEvictionPurgeMode = purgeMode,
        };
    }
}
