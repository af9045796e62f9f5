using System.Globalization;
using Karmada.Member.Profiles;

namespace Karmada.Host.Up;

/// <summary>
/// What <c>karmada up</c> starts as its <paramref name="Index"/>-th simulated member: the name, the Cluster's
/// <c>spec.provider</c>/<c>region</c>/<c>zones</c> (as upstream's <c>karmadactl join --cluster-provider/--cluster-region/--cluster-zones</c>
/// set them) and a node profile whose topology labels agree with them.
/// </summary>
public sealed record SimulatedMemberPlan(int Index, string Name, string Provider, string Region, IReadOnlyList<string> Zones, MemberProfile Profile)
{
    // Three shapes so placement demos (spread by region, affinity by provider, capacity-aware division) have something
    // to choose between; members beyond the third cycle through them again.
    private static readonly Shape[] Shapes =
    [
        new("aws", "us-east", 2, "4", "16Gi"),
        new("gcp", "us-west", 3, "8", "32Gi"),
        new("azure", "eu-central", 5, "16", "64Gi"),
    ];

    /// <summary>The plan of member <paramref name="index"/> (1-based): <c>member1</c> small in us-east, <c>member2</c> medium in us-west, <c>member3</c> large in eu-central.</summary>
    public static SimulatedMemberPlan For(int index, int? nodes = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(index, 1);
        var shape = Shapes[(index - 1) % Shapes.Length];
        var name = string.Create(CultureInfo.InvariantCulture, $"member{index}");

        // Zones are unique per member (a second us-east member gets its own zones), like distinct clusters in one region.
        var zones = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"{shape.Region}-{index}a"),
            string.Create(CultureInfo.InvariantCulture, $"{shape.Region}-{index}b"),
        };
        var profile = new MemberProfile
        {
            Nodes = nodes ?? shape.Nodes,
            Region = shape.Region,
            Zones = zones,
            Capacity = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["cpu"] = shape.Cpu,
                ["memory"] = shape.Memory,
                ["pods"] = "110",
                ["ephemeral-storage"] = "100Gi",
            },
        };
        return new SimulatedMemberPlan(index, name, shape.Provider, shape.Region, zones, profile);
    }

    /// <summary>The plans of members 1..<paramref name="count"/>; <paramref name="nodes"/> overrides every member's node count.</summary>
    public static IReadOnlyList<SimulatedMemberPlan> ForCount(int count, int? nodes = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return [.. Enumerable.Range(1, count).Select(i => For(i, nodes))];
    }

    /// <summary>One line for the progress output, e.g. <c>aws/us-east, 2 nodes x 4 CPU 16Gi</c>.</summary>
    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"{Provider}/{Region}, {Profile.Nodes} nodes x {Profile.Capacity["cpu"]} CPU {Profile.Capacity["memory"]}");

    private sealed record Shape(string Provider, string Region, int Nodes, string Cpu, string Memory);
}
