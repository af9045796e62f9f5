using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Karmada.Client;
using Karmada.Client.Informers;

namespace Karmada.Bench.Micro.Client;

/// <summary>
/// One informer cache update per operation: a MODIFIED Pod (status change, same owner and namespace) replacing the
/// cached one in an <see cref="Indexer{T}"/> of 1,000 Pods indexed by namespace and owner uid, as the member
/// simulator's Pod informer is. The objects are decoded in setup, so this is the cache's own work: key, index values,
/// index upkeep.
/// </summary>
[MemoryDiagnoser]
public class ClientInformerUpdateBenchmarks
{
    private const int Pods = 1000;
    private readonly Indexer<JsonObject> _indexer = new(obj => JsonObjectMeta.Accessor.GetKey(obj).ToString());
    private JsonObject[] _pending = [];
    private JsonObject[] _running = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _indexer.AddIndex(JsonIndexers.NamespaceIndex, JsonIndexers.ByNamespace);
        _indexer.AddIndex(JsonIndexers.OwnerUidIndex, JsonIndexers.ByOwnerUid);
        _pending = [.. Enumerable.Range(0, Pods).Select(i => JsonNode.Parse(ClientMicroObjects.Pod(i, "100", "Pending"))!.AsObject())];
        _running = [.. Enumerable.Range(0, Pods).Select(i => JsonNode.Parse(ClientMicroObjects.Pod(i, "200", "Running"))!.AsObject())];
        foreach (var pod in _pending)
        {
            _indexer.Upsert(pod);
        }
    }

    [Benchmark]
    public JsonObject? UpsertModifiedPod()
    {
        var i = _next++ % Pods;
        var round = _next / Pods % 2;
        return _indexer.Upsert(round == 0 ? _running[i] : _pending[i]);
    }
}
