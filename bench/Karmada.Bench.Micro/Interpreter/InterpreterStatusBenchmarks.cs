using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Karmada.Bench.Micro.Client;
using Karmada.Interpreter;

namespace Karmada.Bench.Micro.Interpreter;

/// <summary>
/// What the workStatus controller asks the interpreter of every member object event, per operation: ReflectStatus
/// then InterpretHealth of the object the member informer caches, a rolled-out Deployment (about 4 KB with managed
/// fields) or a Running Pod (whole status reflected). Before session 10 each call read a deep copy of the object, which
/// it then materialised anew; now both read the cached object, materialised by the first reader.
/// </summary>
[MemoryDiagnoser]
public class InterpreterStatusBenchmarks
{
    private readonly ResourceInterpreter _interpreter = ResourceInterpreter.CreateDefault();
    private JsonObject _deployment = [];
    private JsonObject _pod = [];

    [GlobalSetup]
    public void Setup()
    {
        _deployment = JsonNode.Parse(InterpreterMicroObjects.Deployment)!.AsObject();
        _pod = JsonNode.Parse(ClientMicroObjects.Pod(1, "200", "Running"))!.AsObject();
    }

    [Benchmark(Baseline = true)]
    public bool DeploymentStatusAndHealth() => _interpreter.ReflectStatus(_deployment) is not null & _interpreter.InterpretHealth(_deployment);

    [Benchmark]
    public bool PodStatusAndHealth() => _interpreter.ReflectStatus(_pod) is not null & _interpreter.InterpretHealth(_pod);
}
