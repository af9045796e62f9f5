using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Karmada.Api;
using Karmada.Api.Work.V1Alpha2;
using Karmada.OpenApi.Generation;
using Karmada.OpenApi.Structural;

namespace Karmada.Bench.Micro.OpenApi;

/// <summary>
/// Schema validation of a ResourceBinding with 1,000 target clusters and 1,000 aggregated status items against the
/// structural schema the API server builds for it: the create-time <see cref="SchemaValidator.Validate"/> (the
/// baseline) and the ratcheting <see cref="SchemaValidator.ValidateUpdate"/> of the two writes the fan-out repeats:
/// the status aggregation changing one member's status and the scheduler changing one member's replicas. Each update
/// also moves the resource version and a managed-fields time, as every real write does.
/// </summary>
[MemoryDiagnoser]
public class SchemaValidationBenchmarks
{
    private const int Members = 1000;

    private JsonObject _schema = [];
    private JsonObject _stored = [];
    private JsonObject _statusWrite = [];
    private JsonObject _schedulerWrite = [];

    [GlobalSetup]
    public void Setup()
    {
        _schema = new SchemaFromType(KarmadaJson.Options).GetStructural(typeof(ResourceBinding));
        var json = SchemaValidationMicroObjects.ResourceBinding(Members);
        _stored = JsonNode.Parse(json)!.AsObject();

        _statusWrite = NextWrite(json, "2026-11-28T10:00:09Z");
        _statusWrite["status"]!["aggregatedStatus"]![Members / 2]!["status"]!["readyReplicas"] = 0;

        _schedulerWrite = NextWrite(json, "2026-11-28T10:00:07Z");
        _schedulerWrite["spec"]!["clusters"]![Members / 2]!["replicas"] = 2;

        // Every row must validate cleanly, or it would measure error reporting instead.
        foreach (var errors in new[] { Validate(), StatusWrite(), SchedulerWrite() })
        {
            if (errors.Count > 0)
            {
                throw new InvalidOperationException("benchmark object is invalid: " + errors[0]);
            }
        }
    }

    /// <summary>The baseline: the status write validated as a create, without ratcheting.</summary>
    [Benchmark(Baseline = true)]
    public IReadOnlyList<FieldError> Validate() => SchemaValidator.Validate(_statusWrite, _schema);

    [Benchmark]
    public IReadOnlyList<FieldError> StatusWrite() => SchemaValidator.ValidateUpdate(_statusWrite, _stored, _schema);

    [Benchmark]
    public IReadOnlyList<FieldError> SchedulerWrite() => SchemaValidator.ValidateUpdate(_schedulerWrite, _stored, _schema);

    private static JsonObject NextWrite(string stored, string time)
    {
        var next = JsonNode.Parse(stored)!.AsObject();
        next["metadata"]!["resourceVersion"] = "9002";
        next["metadata"]!["managedFields"]![2]!["time"] = time;
        return next;
    }
}
