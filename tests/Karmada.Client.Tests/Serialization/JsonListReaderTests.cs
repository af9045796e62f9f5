using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Karmada.Client.Serialization;
using Karmada.Client.Tests.Fakes;

namespace Karmada.Client.Tests.Serialization;

public sealed class JsonListReaderTests
{
    private const string List = """
        {"kind":"WidgetList","apiVersion":"example.io/v1","extra":{"nested":[1,{"deep":true}]},
         "items":[
           {"apiVersion":"example.io/v1","kind":"Widget","metadata":{"name":"a","namespace":"ns","resourceVersion":"5"},"spec":{"size":1}},
           null,
           {"apiVersion":"example.io/v1","kind":"Widget","metadata":{"name":"b","namespace":"ns","resourceVersion":"6"},"spec":{"size":2}}
         ],
         "metadata":{"resourceVersion":"42","continue":"tok","remainingItemCount":7}}
        """;

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task Read_InChunksOfAnySize_DecodesItemsAndMetadata(int chunkSize)
    {
        using var stream = new ChunkedStream(Encoding.UTF8.GetBytes(List), chunkSize);

        var result = await JsonListReader.ReadAsync(stream, TestJsonContext.Default.TestWidget, CancellationToken.None);

        Assert.Equal(["a", "b"], result.Items.Select(w => w.Metadata.Name));
        Assert.Equal([1, 2], result.Items.Select(w => w.Spec.Size));
        Assert.Equal("42", result.ResourceVersion);
        Assert.Equal("tok", result.Continue);
        Assert.Equal(7, result.RemainingItemCount);
    }

    [Fact]
    public async Task Read_JsonObjects_KeepsEveryProperty()
    {
        using var stream = new ChunkedStream(Encoding.UTF8.GetBytes(List), 3);

        var result = await JsonListReader.ReadAsync(stream, JsonObjectMeta.TypeInfo, CancellationToken.None);

        Assert.Equal(2, result.Items.Count);
        Assert.Equal(2, result.Items[1]["spec"]!["size"]!.GetValue<int>());
    }

    [Fact]
    public async Task Read_EmptyListWithEmptyContinue_ReportsNoNextPage()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("""{"metadata":{"resourceVersion":"9","continue":""},"items":[]}"""));

        var result = await JsonListReader.ReadAsync(stream, JsonObjectMeta.TypeInfo, CancellationToken.None);

        Assert.Empty(result.Items);
        Assert.Null(result.Continue);
        Assert.Equal("9", result.ResourceVersion);
    }

    [Fact]
    public async Task Read_TruncatedBody_Throws()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(List[..120]));

        await Assert.ThrowsAnyAsync<JsonException>(() => JsonListReader.ReadAsync(stream, JsonObjectMeta.TypeInfo, CancellationToken.None));
    }

    [Fact]
    public async Task Read_LargeList_DecodesEveryItem()
    {
        var items = new JsonArray();
        for (var i = 0; i < 2000; i++)
        {
            items.Add(new JsonObject { ["metadata"] = new JsonObject { ["name"] = $"w{i}", ["annotations"] = new JsonObject { ["pad"] = new string('x', 300) } } });
        }

        var json = new JsonObject { ["metadata"] = new JsonObject { ["resourceVersion"] = "1" }, ["items"] = items }.ToJsonString();
        using var stream = new ChunkedStream(Encoding.UTF8.GetBytes(json), 1500);

        var result = await JsonListReader.ReadAsync(stream, JsonObjectMeta.TypeInfo, CancellationToken.None);

        Assert.Equal(2000, result.Items.Count);
        Assert.Equal("w1999", JsonObjectMeta.GetName(result.Items[^1]));
    }

    /// <summary>Delivers at most <c>chunkSize</c> bytes per read, like a slow socket.</summary>
    private sealed class ChunkedStream(byte[] data, int chunkSize) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunkSize));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, chunkSize)]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunkSize)], cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, chunkSize), cancellationToken);
    }
}
