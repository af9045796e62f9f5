using BenchmarkDotNet.Attributes;
using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Policy.Selection;
using Karmada.Scheduler;

namespace Karmada.Bench.Micro.Scheduler;

/// <summary>
/// One <see cref="GenericScheduler.Schedule"/> decision per operation over Ready clusters with resource summaries,
/// per replica strategy; the baseline only walks the clusters evaluating the same cluster affinity, the floor any
/// decision pays.
/// </summary>
[MemoryDiagnoser]
public class SchedulerAlgorithmBenchmarks
{
    private readonly GenericScheduler _scheduler = new();
    private readonly ResourceBindingStatus _status = new();
    private Cluster[] _clusters = [];
    private ClusterAffinity _affinity = new();
    private ResourceBindingSpec _duplicated = new();
    private ResourceBindingSpec _staticWeights = new();
    private ResourceBindingSpec _dynamicWeights = new();
    private ResourceBindingSpec _aggregated = new();
    private ResourceBindingSpec _regionSpread = new();

    [Params(10, 100, 1000)]
    public int Clusters { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _clusters = SchedulerMicroObjects.ReadyClusters(Clusters);
        _affinity = SchedulerMicroObjects.EnvironmentAffinity();
        _duplicated = SchedulerMicroObjects.Duplicated();
        _staticWeights = SchedulerMicroObjects.StaticWeights(Clusters);
        _dynamicWeights = SchedulerMicroObjects.DynamicWeights();
        _aggregated = SchedulerMicroObjects.Aggregated();
        _regionSpread = SchedulerMicroObjects.RegionSpread();
        foreach (var spec in new[] { _duplicated, _staticWeights, _dynamicWeights, _aggregated, _regionSpread })
        {
            // A benchmark of a failing decision would measure the wrong path.
            if (Schedule(spec).Diagnosis is { } failure)
            {
                throw new InvalidOperationException($"a benchmark binding does not schedule: {failure.Failure.Message}");
            }
        }
    }

    [Benchmark(Baseline = true)]
    public int AffinityOnly()
    {
        var matched = 0;
        foreach (var cluster in _clusters)
        {
            matched += ClusterAffinityMatcher.Matches(cluster, _affinity) ? 1 : 0;
        }

        return matched;
    }

    [Benchmark]
    public ScheduleOutcome Duplicated() => Schedule(_duplicated);

    [Benchmark]
    public ScheduleOutcome StaticWeights() => Schedule(_staticWeights);

    [Benchmark]
    public ScheduleOutcome DynamicWeights() => Schedule(_dynamicWeights);

    [Benchmark]
    public ScheduleOutcome Aggregated() => Schedule(_aggregated);

    [Benchmark]
    public ScheduleOutcome RegionSpread() => Schedule(_regionSpread);

    private ScheduleOutcome Schedule(ResourceBindingSpec spec) => _scheduler.Schedule(spec, _status, _clusters, ScheduleOptions.Default);
}
