using System.Text.Json.Nodes;
using Karmada.Api;
using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Scheduler.Apportionment;
using Karmada.Scheduler.Spread;

namespace Karmada.Vectors.Tests.Scheduler;

/// <summary>Reading scheduler vector inputs into API types and comparing assignment results with the expectations.</summary>
internal static class SchedulerVectorJson
{
    public static T Read<T>(JsonNode? node)
        where T : new() => node is null ? new T() : KarmadaJson.Deserialize<T>(InlineAffinityTerms(node));

    public static T? ReadOrNull<T>(JsonNode? node)
        where T : class => node is null ? null : KarmadaJson.Deserialize<T>(InlineAffinityTerms(node));

    public static int Int(JsonNode? node, int fallback = 0) => node is null ? fallback : node.GetValue<int>();

    public static long Long(JsonNode? node, long fallback = 0) => node is null ? fallback : node.GetValue<long>();

    public static string Str(JsonNode? node) => node?.GetValue<string>() ?? "";

    public static List<JsonNode> Items(JsonNode? node) => node is JsonArray array ? [.. array.Select(n => n!)] : [];

    public static Cluster ClusterNamed(JsonObject entry)
    {
        var cluster = ReadOrNull<Cluster>(entry["cluster"]) ?? new Cluster();
        cluster.Metadata.Name ??= (string?)entry["name"];
        return cluster;
    }

    /// <summary>A <c>{name, allocatableReplicas?, availableReplicas?, score?, overflowOrder?, cluster?}</c> entry.</summary>
    public static ClusterDetailInfo DetailInfo(JsonNode node)
    {
        var entry = node.AsObject();
        return new ClusterDetailInfo(ClusterNamed(entry), Long(entry["score"]))
        {
            AllocatableReplicas = Int(entry["allocatableReplicas"]),
            AvailableReplicas = Long(entry["availableReplicas"]),
            OverflowOrder = Int(entry["overflowOrder"]),
        };
    }

    public static List<ClusterDetailInfo> DetailInfos(JsonNode? node) => [.. Items(node).Select(DetailInfo)];

    public static List<ClusterReplicas> Replicas(JsonNode? node, string nameKey = "name", string replicasKey = "replicas") =>
        [.. Items(node).Select(n => new ClusterReplicas(Str(n[nameKey]), Int(n[replicasKey])))];

    /// <summary>Checks <c>targetClusters</c> (ordered or as a multiset) or <c>anyOf</c> alternatives.</summary>
    public static void AssertTargets(JsonObject expected, IEnumerable<ClusterReplicas> actual) =>
        AssertTargets(expected, actual.Select(c => new TargetCluster { Name = c.Name, Replicas = c.Replicas }));

    public static void AssertTargets(JsonObject expected, IEnumerable<TargetCluster> actual)
    {
        var ordered = (bool?)expected["ordered"] ?? false;
        var got = actual.Select(Describe).ToList();
        var alternatives = expected["anyOf"] is JsonArray anyOf
            ? anyOf.Select(a => a!["targetClusters"]).ToList()
            : [expected["targetClusters"]];
        var wanted = alternatives.Select(a => Items(a).Select(n => Describe(Read<TargetCluster>(n))).ToList()).ToList();
        var matched = wanted.Exists(w => ordered
            ? w.SequenceEqual(got)
            : w.Count == got.Count && w.Order(StringComparer.Ordinal).SequenceEqual(got.Order(StringComparer.Ordinal)));
        Assert.True(matched, $"got [{string.Join(", ", got)}], want {string.Join(" or ", wanted.Select(w => $"[{string.Join(", ", w)}]"))}");
    }

    public static void AssertNames(JsonObject expected, string key, IEnumerable<string> actual, bool ordered = true)
    {
        var want = Items(expected[key]).Select(n => Str(n)).ToList();
        var got = actual.ToList();
        if (!ordered)
        {
            want.Sort(StringComparer.Ordinal);
            got.Sort(StringComparer.Ordinal);
        }

        Assert.Equal(want, got);
    }

    /// <summary>
    /// The vectors write the ClusterAffinity embedded in a clusterAffinities term (and in an overflow affinity) as a
    /// nested <c>clusterAffinity</c> object; the API, like the CRD schema, has those fields inline. Returns a copy with
    /// them inlined.
    /// </summary>
    private static JsonNode InlineAffinityTerms(JsonNode node)
    {
        var copy = node.DeepClone();
        Inline(copy);
        return copy;

        static void Inline(JsonNode? current)
        {
            switch (current)
            {
                case JsonObject obj:
                    foreach (var key in new[] { "clusterAffinities", "overflowAffinities" })
                    {
                        foreach (var term in (obj[key] as JsonArray)?.OfType<JsonObject>() ?? [])
                        {
                            if (term["clusterAffinity"] is JsonObject nested)
                            {
                                term.Remove("clusterAffinity");
                                foreach (var (name, value) in nested.ToList())
                                {
                                    term[name] = value?.DeepClone();
                                }
                            }
                        }
                    }

                    foreach (var (_, value) in obj.ToList())
                    {
                        Inline(value);
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        Inline(item);
                    }

                    break;
            }
        }
    }

    private static string Describe(TargetCluster target)
    {
        var components = target.Components.Count == 0
            ? ""
            : $"[{string.Join(",", target.Components.Select(c => $"{c.Name}={c.Replicas}"))}]";
        return $"{target.Name}:{target.Replicas}{components}";
    }
}
