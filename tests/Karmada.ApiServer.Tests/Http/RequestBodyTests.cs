using System.Text;
using Karmada.ApiServer.Http;
using Microsoft.AspNetCore.Http;

namespace Karmada.ApiServer.Tests.Http;

public sealed class RequestBodyTests
{
    [Fact]
    public async Task ReadBytes_WithContentLength_ReadsExactlyTheBody()
    {
        var body = Encoding.UTF8.GetBytes("{\"kind\":\"ConfigMap\"}");
        var request = Request(new TrickleStream(body, 3), body.Length);
        Assert.Equal(body, await RequestBody.ReadBytesAsync(request, CancellationToken.None));
    }

    [Fact]
    public async Task ReadBytes_ChunkedBodyLargerThanTheFirstBuffer_IsReadWhole()
    {
        var body = new byte[100_000];
        Random.Shared.NextBytes(body);
        var request = Request(new TrickleStream(body, 7_000), null);
        Assert.Equal(body, await RequestBody.ReadBytesAsync(request, CancellationToken.None));
    }

    [Fact]
    public async Task ReadBytes_EmptyBody_IsEmpty()
    {
        Assert.Empty(await RequestBody.ReadBytesAsync(Request(new MemoryStream(), 0), CancellationToken.None));
        Assert.Empty(await RequestBody.ReadBytesAsync(Request(new MemoryStream(), null), CancellationToken.None));
    }

    [Fact]
    public async Task ReadBytes_DeclaredOverTheLimit_Is413()
    {
        var ex = await Assert.ThrowsAsync<ApiException>(() => RequestBody.ReadBytesAsync(Request(new MemoryStream(), RequestBody.MaxBytes + 1), CancellationToken.None));
        Assert.Equal(413, ex.Status.Code);
    }

    [Fact]
    public async Task ReadBytes_ChunkedOverTheLimit_Is413()
    {
        var request = Request(new TrickleStream(new byte[RequestBody.MaxBytes + 10], 64 * 1024), null);
        var ex = await Assert.ThrowsAsync<ApiException>(() => RequestBody.ReadBytesAsync(request, CancellationToken.None));
        Assert.Equal(413, ex.Status.Code);
    }

    [Fact]
    public async Task ReadObject_WithContentLength_DecodesTheObject()
    {
        var body = Encoding.UTF8.GetBytes("{\"kind\":\"ConfigMap\",\"data\":{\"a\":\"1\"}}");
        var obj = await RequestBody.ReadObjectAsync(Request(new TrickleStream(body, 5), body.Length), "ConfigMap", CancellationToken.None);
        Assert.Equal("ConfigMap", (string?)obj["kind"]);
        Assert.Equal("1", (string?)obj["data"]?["a"]);
    }

    [Fact]
    public async Task ReadObject_ChunkedBodyLargerThanTheFirstBuffer_DecodesTheWholeObject()
    {
        var payload = new string('x', 100_000);
        var body = Encoding.UTF8.GetBytes($"{{\"kind\":\"ConfigMap\",\"data\":{{\"payload\":\"{payload}\"}}}}");
        var obj = await RequestBody.ReadObjectAsync(Request(new TrickleStream(body, 7_000), null), "ConfigMap", CancellationToken.None);
        Assert.Equal(payload, (string?)obj["data"]?["payload"]);
    }

    [Fact]
    public async Task ReadObject_YamlBody_IsDecoded()
    {
        var body = Encoding.UTF8.GetBytes("kind: ConfigMap\ndata:\n  a: \"1\"\n");
        var request = Request(new MemoryStream(body), null);
        request.ContentType = "application/yaml";
        var obj = await RequestBody.ReadObjectAsync(request, "ConfigMap", CancellationToken.None);
        Assert.Equal("1", (string?)obj["data"]?["a"]);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(null)]
    public async Task ReadObject_EmptyBody_Is400(long? length)
    {
        var ex = await Assert.ThrowsAsync<ApiException>(() => RequestBody.ReadObjectAsync(Request(new MemoryStream(), length), "ConfigMap", CancellationToken.None));
        Assert.Equal(400, ex.Status.Code);
    }

    [Fact]
    public async Task ReadObject_MalformedJson_Is400NamingWhatWasExpected()
    {
        var body = Encoding.UTF8.GetBytes("{\"kind\":");
        var ex = await Assert.ThrowsAsync<ApiException>(() => RequestBody.ReadObjectAsync(Request(new MemoryStream(body), body.Length), "expected thing", CancellationToken.None));
        Assert.Equal(400, ex.Status.Code);
        Assert.StartsWith("expected thing: ", ex.Status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadObject_ChunkedOverTheLimit_Is413()
    {
        var request = Request(new TrickleStream(new byte[RequestBody.MaxBytes + 10], 64 * 1024), null);
        var ex = await Assert.ThrowsAsync<ApiException>(() => RequestBody.ReadObjectAsync(request, "ConfigMap", CancellationToken.None));
        Assert.Equal(413, ex.Status.Code);
    }

    private static HttpRequest Request(Stream body, long? length)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = body;
        context.Request.ContentLength = length;
        return context.Request;
    }

    /// <summary>Hands out at most <c>chunk</c> bytes per read, as a network stream does.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, chunk)]);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, chunk), cancellationToken);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }
}
