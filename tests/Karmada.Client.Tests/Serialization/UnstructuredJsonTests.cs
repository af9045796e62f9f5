using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Karmada.Client.Serialization;

namespace Karmada.Client.Tests.Serialization;

public sealed class UnstructuredJsonTests
{
    private const string Widget = """{"apiVersion":"example.io/v1","kind":"Widget","metadata":{"name":"a","namespace":"ns","resourceVersion":"5"},"spec":{"size":1.50,"big":12345678901234567890}}""";

    [Fact]
    public void ParseElement_SplitAcrossSegments_MatchesTheContiguousParse()
    {
        var bytes = Encoding.UTF8.GetBytes(Widget);

        var split = UnstructuredJson.ToObject(UnstructuredJson.ParseElement(SplitSequence.At(bytes, 17)));
        var whole = UnstructuredJson.ToObject(UnstructuredJson.ParseElement(new ReadOnlySequence<byte>(bytes)));

        Assert.Equal(Widget, split!.ToJsonString());
        Assert.Equal(Widget, whole!.ToJsonString());
    }

    [Fact]
    public void ToObject_KeepsNumbersAsWrittenAndReadableAsAnyNumericType()
    {
        var obj = UnstructuredJson.ToObject(UnstructuredJson.ParseElement(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(Widget))))!;

        Assert.Equal(1.5m, obj["spec"]!["size"]!.GetValue<decimal>());
        Assert.Equal(1.5, obj["spec"]!["size"]!.GetValue<double>());
        Assert.Equal("1.50", obj["spec"]!["size"]!.ToJsonString());
        Assert.Equal("12345678901234567890", obj["spec"]!["big"]!.ToJsonString());
    }

    [Fact]
    public void ToObject_NullIsNullAndOtherKindsAreNotObjects()
    {
        Assert.Null(UnstructuredJson.ToObject(JsonElement.Parse("null")));
        Assert.Throws<JsonException>(() => UnstructuredJson.ToObject(JsonElement.Parse("[1]")));
        Assert.Throws<JsonException>(() => UnstructuredJson.ToObject(JsonElement.Parse("\"x\"")));
    }

    [Theory]
    [InlineData(1, null)]
    [InlineData(7, 3L)]
    [InlineData(4096, 100000L)]
    public async Task ReadObjectAsync_AnyChunkingAndLengthHint_ReadsTheWholeBody(int chunkSize, long? lengthHint)
    {
        // A body larger than the first buffer, so the buffer has to grow whatever the hint said.
        var big = new JsonObject { ["metadata"] = new JsonObject { ["name"] = "big" }, ["data"] = new string('x', 40_000) };
        using var stream = new ChunkedStream(Encoding.UTF8.GetBytes(big.ToJsonString()), chunkSize);

        var read = await UnstructuredJson.ReadObjectAsync(stream, lengthHint, CancellationToken.None);

        Assert.True(JsonNode.DeepEquals(big, read));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"a\":")]
    [InlineData("{} {}")]
    public async Task ReadObjectAsync_NotOneJsonValue_Throws(string body)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(body));

        await Assert.ThrowsAnyAsync<JsonException>(() => UnstructuredJson.ReadObjectAsync(stream, null, CancellationToken.None));
    }

    private sealed class ChunkedStream(byte[] data, int chunkSize) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunkSize)], cancellationToken);
    }
}
