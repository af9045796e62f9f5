using System.Buffers;
using System.IO.Pipelines;

namespace Karmada.ApiServer.Hosting.Loopback;

/// <summary>
/// The client's view of a loopback response body: each read returns what the server has flushed so far. Cancelling
/// a read or disposing the stream before the end aborts the request, as resetting an HTTP/2 stream does; a server
/// reset fails the reads with the <see cref="HttpProtocolException"/> HttpClient reports for one.
/// </summary>
internal sealed class LoopbackResponseStream(LoopbackExchange exchange, PipeReader reader) : Stream
{
    private bool _disposed;

    public override bool CanRead => !_disposed;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (true)
        {
            ThrowIfReset();
            ReadResult result;
            try
            {
                result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                exchange.AbortByClient(cancellationToken);
                throw;
            }

            if (TryConsume(result, buffer.Span, out var count))
            {
                return count;
            }
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (true)
        {
            ThrowIfReset();
            if (!reader.TryRead(out var result))
            {
#pragma warning disable VSTHRD002 // synchronous reads block by definition; the API client only reads asynchronously
                result = reader.ReadAsync().AsTask().GetAwaiter().GetResult();
#pragma warning restore VSTHRD002
            }

            if (TryConsume(result, buffer, out var count))
            {
                return count;
            }
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            reader.Complete();
            exchange.AbortByClient(CancellationToken.None);
        }

        base.Dispose(disposing);
    }

    /// <summary>Copies what is available; false when the read was cancelled by a reset (the caller then throws).</summary>
    private bool TryConsume(ReadResult result, Span<byte> destination, out int count)
    {
        var source = result.Buffer;
        if (result.IsCanceled)
        {
            reader.AdvanceTo(source.Start);
            count = 0;
            return false;
        }

        count = (int)Math.Min(destination.Length, source.Length);
        source.Slice(0, count).CopyTo(destination);
        reader.AdvanceTo(source.GetPosition(count));
        return true;
    }

    private void ThrowIfReset()
    {
        if (exchange.ResetError is { } reset)
        {
            throw reset;
        }
    }
}
