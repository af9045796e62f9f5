using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Karmada.Client;
using Karmada.Client.Serialization;

namespace Karmada.Bench.Micro.Client;

/// <summary>
/// One watch line of an unstructured informer per operation: decoding a MODIFIED Pod event (about 2.5 KB, with
/// managed fields) and reading what the informer reads of every event (key and resourceVersion). Lines come in one
/// segment or split across two, as they do when they straddle the pipe's buffers. <c>SerializerConverter</c> is the
/// path the client took before session 7 (the serializer's <see cref="JsonObject"/> converter on the line's reader),
/// kept here as the baseline.
/// </summary>
[MemoryDiagnoser]
public class ClientWatchDecodeBenchmarks
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 256 };
    private ReadOnlySequence<byte> _line;

    [Params(false, true)]
    public bool Split { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var bytes = ClientMicroObjects.WatchLine("MODIFIED", ClientMicroObjects.Pod(17, "4242", "Running"));
        _line = Split ? SplitInTwo(bytes) : new ReadOnlySequence<byte>(bytes);
    }

    [Benchmark(Baseline = true)]
    public string SerializerConverter()
    {
        var obj = DecodeWithConverter(_line);
        return JsonObjectMeta.Accessor.GetKey(obj).ToString() + JsonObjectMeta.GetResourceVersion(obj);
    }

    [Benchmark]
    public string WatchLineParserParse()
    {
        var obj = WatchLineParser.Parse(_line, JsonObjectMeta.TypeInfo).Object;
        return JsonObjectMeta.Accessor.GetKey(obj).ToString() + JsonObjectMeta.GetResourceVersion(obj);
    }

    private static JsonObject DecodeWithConverter(ReadOnlySequence<byte> line)
    {
        var reader = new Utf8JsonReader(line, ReaderOptions);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isObject = reader.ValueTextEquals("object"u8);
            reader.Read();
            if (isObject)
            {
                return JsonSerializer.Deserialize(ref reader, JsonObjectMeta.TypeInfo)!;
            }

            reader.Skip();
        }

        throw new JsonException("No object.");
    }

    private static ReadOnlySequence<byte> SplitInTwo(byte[] bytes)
    {
        var first = new Segment(bytes.AsMemory(0, bytes.Length / 2));
        var last = first.Append(bytes.AsMemory(bytes.Length / 2));
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
