using System.CommandLine;
using Karmada.Client;

namespace Karmada.Host.Commands;

/// <summary>
/// Upstream components' client flags <c>--kube-api-qps</c> and <c>--kube-api-burst</c>: the client-side rate limit of
/// the component's control-plane client. Upstream defaults to 40/60; ours default to <see cref="KubeApiClientOptions"/>'s
/// 200/400, since one Deployment costs the controllers dozens of requests.
/// </summary>
internal sealed class ClientFlags
{
    private static readonly KubeApiClientOptions Defaults = new();

    public Option<double> Qps { get; } = new("--kube-api-qps")
    {
        Description = "Requests per second the component may send to the control plane (0: unlimited).",
        DefaultValueFactory = _ => Defaults.Qps,
    };

    public Option<int> Burst { get; } = new("--kube-api-burst")
    {
        Description = "Requests the component may send at once before --kube-api-qps applies.",
        DefaultValueFactory = _ => Defaults.Burst,
    };

    public IEnumerable<Option> All => [Qps, Burst];

    /// <summary>Sets the parsed limits on <paramref name="options"/>; throws <see cref="ArgumentException"/> on bad values.</summary>
    public void Apply(ParseResult parse, KubeApiClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(options);
        var qps = parse.GetValue(Qps);
        var burst = parse.GetValue(Burst);
        if (qps < 0 || burst <= 0)
        {
            throw new ArgumentException("--kube-api-qps must not be negative and --kube-api-burst must be positive.");
        }

        options.Qps = qps;
        options.Burst = burst;
    }
}
