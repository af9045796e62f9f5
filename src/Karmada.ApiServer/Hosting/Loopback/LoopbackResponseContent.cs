namespace Karmada.ApiServer.Hosting.Loopback;

/// <summary>A loopback response body as <see cref="HttpContent"/>: reading it streams what the server flushes.</summary>
internal sealed class LoopbackResponseContent(Stream body) : HttpContent
{
    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult(body);

    protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) => Task.FromResult(body);

    protected override Stream CreateContentReadStream(CancellationToken cancellationToken) => body;

    protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
        body.CopyToAsync(stream);

    protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken) =>
        body.CopyToAsync(stream, cancellationToken);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            body.Dispose();
        }

        base.Dispose(disposing);
    }
}
