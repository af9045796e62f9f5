using System.Globalization;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Karmada.Api.WellKnown;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Controllers.Dependencies;

namespace Karmada.Bench.Micro.Dependencies;

/// <summary>
/// The dependencies distributor's per-event work on a namespace where 200 Deployments share one ConfigMap.
/// <c>ConfigMapEvent</c>: one ConfigMap event asking every recording binding of the namespace whether it depends on
/// the ConfigMap (each recorded its ConfigMap, its own Secret and a label-selected Secret).
/// <c>AttachBatch</c>: the one patch that records 20 more dependents, collected while a write was in flight, on the
/// attached binding that 200 already require.
/// </summary>
[MemoryDiagnoser]
public class DependenciesDistributorBenchmarks
{
    private const int Recorded = 200;
    private const int Batch = 20;
    private const string Namespace = "bench";
    private const string RecordedTemplate = """
        [{"apiVersion":"v1","kind":"ConfigMap","namespace":"@NS@","name":"shared"},{"apiVersion":"v1","kind":"Secret","namespace":"@NS@","name":"@APP@-tls"},{"apiVersion":"v1","kind":"Secret","namespace":"@NS@","labelSelector":{"matchLabels":{"app":"@APP@"}}}]
        """;
    private readonly List<Dictionary<string, string>> _annotations = [];
    private readonly JsonObject _configMap = new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject { ["name"] = "shared", ["namespace"] = Namespace, ["uid"] = "cm-uid", ["resourceVersion"] = "7", ["labels"] = new JsonObject { ["tier"] = "web" } },
    };

    private ResourceBinding _attached = new();
    private AttachRequest[] _batch = [];

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < Recorded; i++)
        {
            var recorded = RecordedTemplate.Replace("@NS@", Namespace, StringComparison.Ordinal)
                .Replace("@APP@", string.Create(CultureInfo.InvariantCulture, $"app{i}"), StringComparison.Ordinal);
            _annotations.Add(new Dictionary<string, string> { [WellKnownAnnotations.ResourceBindingDependencies] = recorded });
        }

        _attached = AttachedBindings.Build([.. Enumerable.Range(0, Recorded).Select(i => new AttachRequest(_configMap, Independent(i)))]);
        _batch = [.. Enumerable.Range(Recorded, Batch).Select(i => new AttachRequest(_configMap, Independent(i)))];
    }

    [Benchmark]
    public int ConfigMapEvent()
    {
        var matched = 0;
        foreach (var annotations in _annotations)
        {
            if (RecordedDependencies.Matches(annotations, Namespace, "v1", "ConfigMap", _configMap))
            {
                matched++;
            }
        }

        return matched;
    }

    [Benchmark]
    public JsonArray? AttachBatch() => AttachedBindingPatch.Attach(_attached, _batch);

    private static ResourceBinding Independent(int i)
    {
        var binding = new ResourceBinding();
        binding.Metadata.Namespace = Namespace;
        binding.Metadata.Name = string.Create(CultureInfo.InvariantCulture, $"app{i}-deployment");
        binding.Metadata.Labels[WellKnownLabels.ResourceBindingPermanentId] = string.Create(CultureInfo.InvariantCulture, $"id-{i}");
        binding.Spec.PropagateDeps = true;
        binding.Spec.Clusters = [new TargetCluster { Name = "member1", Replicas = 1 }, new TargetCluster { Name = "member2", Replicas = 2 }];
        return binding;
    }
}
