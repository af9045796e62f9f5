using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Core;
using Karmada.Api.Work.V1Alpha2;

namespace Karmada.Scheduler.Estimation;

/// <summary>
/// The always-on estimator (upstream's <c>GeneralEstimator</c>): works from <c>Cluster.status.resourceSummary</c>
/// only. Allowed pods = allocatable − allocated − allocating pods; with resource requests, either the resource-model
/// grades (when the CustomizedClusterResourceModeling gate is on and the cluster reports allocatable modelings) or
/// the free summary per resource, CPU in milli-units; the answer is the smaller one. Like upstream it ignores the
/// node claim (node selector, affinity, tolerations): only the accurate estimator looks at nodes.
/// </summary>
public sealed class GeneralEstimator : IReplicaEstimator
{
    /// <summary>The upstream name of this estimator.</summary>
    public const string EstimatorName = "general-estimator";

    private readonly bool _resourceModeling;

    /// <summary>A general estimator; <paramref name="customizedClusterResourceModeling"/> mirrors the feature gate (on by default upstream).</summary>
    public GeneralEstimator(bool customizedClusterResourceModeling = true)
    {
        _resourceModeling = customizedClusterResourceModeling;
    }

    /// <inheritdoc />
    public string Name => EstimatorName;

    /// <inheritdoc />
    public Outcome<IReadOnlyList<int>> MaxAvailableReplicas(IReadOnlyList<Cluster> clusters, ReplicaRequirements? requirements)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        var result = new int[clusters.Count];
        var requests = new ParsedRequests(requirements);
        for (var i = 0; i < clusters.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(clusters[i]);
            result[i] = Estimate(clusters[i], requirements, requests);
        }

        return new(result);
    }

    /// <summary>The estimate for one cluster.</summary>
    public int MaxAvailableReplicas(Cluster cluster, ReplicaRequirements? requirements)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return Estimate(cluster, requirements, new ParsedRequests(requirements));
    }

    /// <summary>Allocatable minus allocated minus allocating pods, never below 0.</summary>
    internal static long AllowedPodNumber(ResourceSummary summary)
    {
        long allowed;
        if (ResourceAmount.TryGet(summary.Allocatable, ResourceNames.Pods, out var allocatable)
            && ResourceAmount.TryGet(summary.Allocated, ResourceNames.Pods, out var allocated)
            && ResourceAmount.TryGet(summary.Allocating, ResourceNames.Pods, out var allocating))
        {
            allowed = allocatable.Value - allocated.Value - allocating.Value;
        }
        else
        {
            allowed = summary.Allocatable.GetQuantity(ResourceNames.Pods).Value
                - summary.Allocated.GetQuantity(ResourceNames.Pods).Value
                - summary.Allocating.GetQuantity(ResourceNames.Pods).Value;
        }

        return allowed <= 0 ? 0 : allowed;
    }

    /// <summary>Per requested resource, floor(free / request); a requested resource the cluster lacks gives 0.</summary>
    internal static long MaxReplicasBySummary(ResourceSummary summary, ReplicaRequirements requirements) =>
        MaxReplicasBySummary(summary, requirements, new ParsedRequests(requirements));

    private static long MaxReplicasBySummary(ResourceSummary summary, ReplicaRequirements requirements, ParsedRequests parsed)
    {
        if (parsed.Requests is not { } requests)
        {
            return MaxReplicasBySummaryExact(summary, requirements);
        }

        var maximum = long.MaxValue;
        foreach (var request in requests)
        {
            var requested = request.Value;
            if (requested <= 0)
            {
                continue;
            }

            if (!summary.Allocatable.TryGetValue(request.Name, out var allocatableText))
            {
                return 0;
            }

            if (!ResourceAmount.TryParse(allocatableText, out var free))
            {
                return MaxReplicasBySummaryExact(summary, requirements);
            }

            if (summary.Allocated.TryGetValue(request.Name, out var allocatedText))
            {
                if (!ResourceAmount.TryParse(allocatedText, out var allocated))
                {
                    return MaxReplicasBySummaryExact(summary, requirements);
                }

                free -= allocated;
            }

            if (summary.Allocating.TryGetValue(request.Name, out var allocatingText))
            {
                if (!ResourceAmount.TryParse(allocatingText, out var allocating))
                {
                    return MaxReplicasBySummaryExact(summary, requirements);
                }

                free -= allocating;
            }

            var available = free.Value;
            if (available <= 0)
            {
                return 0;
            }

            if (request.Name == ResourceNames.Cpu)
            {
                requested = request.MilliValue;
                available = free.MilliValue;
            }

            maximum = Math.Min(maximum, available / requested);
        }

        return maximum;
    }

    private int Estimate(Cluster cluster, ReplicaRequirements? requirements, ParsedRequests requests)
    {
        var summary = cluster.Status.ResourceSummary;
        if (summary is null)
        {
            return 0;
        }

        var maximum = AllowedPodNumber(summary);
        if (maximum <= 0)
        {
            return 0;
        }

        // Go converts int64 to int32 by truncation; unchecked keeps the same answer for absurd pod counts.
        if (requirements is null)
        {
            return unchecked((int)maximum);
        }

        if (_resourceModeling && summary.AllocatableModelings.Count > 0)
        {
            var byModels = MaxReplicasByResourceModels(cluster, requirements);
            if (byModels.IsSuccess)
            {
                return unchecked((int)Math.Min(maximum, byModels.Value));
            }
        }

        return unchecked((int)Math.Min(maximum, MaxReplicasBySummary(summary, requirements, requests)));
    }

    /// <summary>
    /// <see cref="MaxReplicasBySummary(ResourceSummary, ReplicaRequirements)"/> in <see cref="Quantity"/> arithmetic,
    /// for texts <see cref="ResourceAmount"/> does not read.
    /// </summary>
    private static long MaxReplicasBySummaryExact(ResourceSummary summary, ReplicaRequirements requirements)
    {
        var maximum = long.MaxValue;
        foreach (var (name, text) in requirements.ResourceRequest)
        {
            var request = Quantity.Parse(text);
            var requested = request.Value;
            if (requested <= 0)
            {
                continue;
            }

            if (!summary.Allocatable.TryGetValue(name, out var allocatableText))
            {
                return 0;
            }

            var free = Quantity.Parse(allocatableText);
            if (summary.Allocated.TryGetValue(name, out var allocated))
            {
                free -= Quantity.Parse(allocated);
            }

            if (summary.Allocating.TryGetValue(name, out var allocating))
            {
                free -= Quantity.Parse(allocating);
            }

            var available = free.Value;
            if (available <= 0)
            {
                return 0;
            }

            if (name == ResourceNames.Cpu)
            {
                requested = request.MilliValue;
                available = free.MilliValue;
            }

            maximum = Math.Min(maximum, available / requested);
        }

        return maximum;
    }

    /// <summary>
    /// Sums, over the grades at or above the smallest grade whose minimum covers every request, the node count times
    /// the replicas one node of that grade holds. Fails when a requested resource has no model, so the caller falls
    /// back to the summary. Requests are visited in name order; upstream visits a Go map, so when one resource is
    /// missing from the models and another fits no grade its answer is random, and this one is the sorted order's.
    /// </summary>
    internal static Outcome<long> MaxReplicasByResourceModels(Cluster cluster, ReplicaRequirements requirements)
    {
        var models = cluster.Spec.ResourceModels;
        var minimums = new Dictionary<string, List<Quantity>>(StringComparer.Ordinal);
        foreach (var model in models)
        {
            foreach (var range in model.Ranges)
            {
                if (!minimums.TryGetValue(range.Name, out var list))
                {
                    minimums[range.Name] = list = [];
                }

                list.Add(Quantity.Parse(range.Min));
            }
        }

        var requests = requirements.ResourceRequest
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => (Name: r.Key, Quantity: Quantity.Parse(r.Value)))
            .Where(r => r.Quantity.Value > 0)
            .ToList();
        var minCompliantGrade = 0;
        foreach (var (name, request) in requests)
        {
            if (!minimums.TryGetValue(name, out var grades))
            {
                return new(SchedulingFailure.Error($"resource model is inapplicable as missing resource: {name}"));
            }

            var grade = grades.FindIndex(min => min >= request);
            if (grade == -1)
            {
                return new(0L);
            }

            minCompliantGrade = Math.Max(minCompliantGrade, grade);
        }

        var modelings = cluster.Status.ResourceSummary!.AllocatableModelings;
        long maximum = 0;
        for (var i = minCompliantGrade; i < models.Count; i++)
        {
            // Upstream indexes the modelings by position; a short list would panic there, here it counts as no nodes.
            var count = i < modelings.Count ? modelings[i].Count : 0;
            if (count == 0)
            {
                continue;
            }

            maximum = unchecked(maximum + (count * NodeAvailableReplicas(i, requests, minimums)));
        }

        return new(maximum);
    }

    private static long NodeAvailableReplicas(int grade, List<(string Name, Quantity Quantity)> requests, Dictionary<string, List<Quantity>> minimums)
    {
        var maximum = long.MaxValue;
        foreach (var (name, request) in requests)
        {
            var grades = minimums[name];
            var available = grade < grades.Count ? grades[grade] : Quantity.Zero;
            var perNode = name == ResourceNames.Cpu
                ? available.MilliValue / request.MilliValue
                : available.Value / request.Value;
            maximum = Math.Min(maximum, perNode);
        }

        // The smallest compliant grade may still round down to 0; upstream counts one pod per node then.
        return maximum == 0 ? 1 : maximum;
    }

    /// <summary>
    /// The requests of one estimation call, read on first use (as often as there are clusters otherwise); null
    /// <see cref="Requests"/> when <see cref="ResourceAmount"/> cannot read one.
    /// </summary>
    private sealed class ParsedRequests(ReplicaRequirements? requirements)
    {
        private bool _parsed;
        private List<ParsedRequest>? _requests;

        public List<ParsedRequest>? Requests
        {
            get
            {
                if (!_parsed)
                {
                    _requests = Parse(requirements);
                    _parsed = true;
                }

                return _requests;
            }
        }

        private static List<ParsedRequest>? Parse(ReplicaRequirements? requirements)
        {
            var requests = new List<ParsedRequest>(requirements?.ResourceRequest.Count ?? 0);
            foreach (var (name, text) in requirements?.ResourceRequest ?? [])
            {
                if (!ResourceAmount.TryParse(text, out var amount))
                {
                    return null;
                }

                requests.Add(new(name, amount.Value, amount.MilliValue));
            }

            return requests;
        }
    }

    private readonly record struct ParsedRequest(string Name, long Value, long MilliValue);
}
