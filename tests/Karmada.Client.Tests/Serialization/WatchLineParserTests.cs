using System.Buffers;
using System.Text;
using System.Text.Json;
using Karmada.Client.Serialization;
using Karmada.Client.Tests.Fakes;

namespace Karmada.Client.Tests.Serialization;

public sealed class WatchLineParserTests
{
    [Theory]
    [InlineData("ADDED", WatchEventType.Added)]
    [InlineData("MODIFIED", WatchEventType.Modified)]
    [InlineData("DELETED", WatchEventType.Deleted)]
    [InlineData("BOOKMARK", WatchEventType.Bookmark)]
    public void Parse_KnownTypes_DecodesTheObject(string type, WatchEventType expected)
    {
        var line = "{\"type\":\"" + type + "\",\"object\":{\"metadata\":{\"name\":\"a\",\"resourceVersion\":\"7\"},\"spec\":{\"size\":3}}}";

        var result = WatchLineParser.Parse(Sequence(line), TestJsonContext.Default.TestWidget);

        Assert.Equal(expected, result.Type);
        Assert.Equal("7", result.Object.Metadata.ResourceVersion);
        Assert.Equal(3, result.Object.Spec.Size);
    }

    [Fact]
    public void Parse_ObjectBeforeType_StillDecodes()
    {
        var result = WatchLineParser.Parse(Sequence("""{"object":{"metadata":{"name":"a"}},"extra":[1,2],"type":"MODIFIED"}"""), JsonObjectMeta.TypeInfo);

        Assert.Equal(WatchEventType.Modified, result.Type);
        Assert.Equal("a", JsonObjectMeta.GetName(result.Object));
    }

    [Fact]
    public void Parse_LineSplitAcrossSegments_Decodes()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"type":"ADDED","object":{"metadata":{"name":"split"}}}""");

        var result = WatchLineParser.Parse(SplitSequence.At(bytes, 10), JsonObjectMeta.TypeInfo);

        Assert.Equal("split", JsonObjectMeta.GetName(result.Object));
    }

    [Fact]
    public void Parse_Error410_ThrowsResourceExpired()
    {
        var line = """{"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"too old resource version: 1 (106)","reason":"Expired","code":410}}""";

        var ex = Assert.Throws<ResourceExpiredException>(() => WatchLineParser.Parse(Sequence(line), JsonObjectMeta.TypeInfo));

        Assert.Equal(410, ex.Status.Code);
        Assert.Equal("Expired", ex.Reason);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"type":"ADDED"}""")]
    [InlineData("""{"type":"SURPRISE","object":{}}""")]
    [InlineData("""{"type":"ADDED","object":{"metadata":""")]
    public void Parse_Malformed_ThrowsJsonException(string line)
    {
        Assert.ThrowsAny<JsonException>(() => WatchLineParser.Parse(Sequence(line), JsonObjectMeta.TypeInfo));
    }

    [Theory]
    [InlineData("""{"type":"ADDED","object":null}""")]
    [InlineData("""{"type":"ADDED","object":"text"}""")]
    [InlineData("""{"type":"ADDED","object":[{}]}""")]
    [InlineData("""{"type":null,"object":{}}""")]
    public void Parse_UnstructuredWithoutAnObject_ThrowsJsonException(string line)
    {
        Assert.ThrowsAny<JsonException>(() => WatchLineParser.Parse(Sequence(line), JsonObjectMeta.TypeInfo));
    }

    [Fact]
    public void Parse_Unstructured_KeepsTheWholeObjectAndToleratesACarriageReturn()
    {
        const string obj = """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","namespace":"ns","resourceVersion":"9"},"status":{"phase":"Running","ratio":0.50}}""";

        var result = WatchLineParser.Parse(Sequence("{\"type\":\"DELETED\",\"object\":" + obj + "}\r"), JsonObjectMeta.TypeInfo);

        Assert.Equal(WatchEventType.Deleted, result.Type);
        Assert.Equal(obj, result.Object.ToJsonString());
    }

    private static ReadOnlySequence<byte> Sequence(string text) => new(Encoding.UTF8.GetBytes(text));
}
