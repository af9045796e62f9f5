using System.IO.Pipelines;

namespace Karmada.ApiServer.Hosting.Loopback;

/// <summary>
/// The server's view of a loopback response body (<c>Response.BodyWriter</c>): writes go into the pipe the client
/// reads, the first write or flush sends the headers, and once the request is aborted writes are discarded and flushes return
/// at once, as Kestrel does for a reset stream (so a server never blocks on a client that went away).
/// </summary>
internal sealed class LoopbackResponseWriter(LoopbackExchange exchange, PipeWriter pipe) : PipeWriter
{
    private byte[]? _discard;
    private bool _discarding;

    public override bool CanGetUnflushedBytes => pipe.CanGetUnflushedBytes;

    public override long UnflushedBytes => pipe.UnflushedBytes;

    public override void Advance(int bytes)
    {
        if (_discarding)
        {
            _discarding = false;
            return;
        }

        pipe.Advance(bytes);
    }

    public override Memory<byte> GetMemory(int sizeHint = 0)
    {
        if (!exchange.HasStarted)
        {
            // Kestrel starts the response (OnStarting, headers frozen) as soon as the body is written to.
#pragma warning disable VSTHRD002 // completes synchronously unless an OnStarting callback waits, as in Kestrel's GetMemory
            exchange.StartAsync().GetAwaiter().GetResult();
#pragma warning restore VSTHRD002
        }

        if (exchange.IsAborted)
        {
            _discarding = true;
            return Discard(sizeHint);
        }

        return pipe.GetMemory(sizeHint);
    }

    public override Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        if (!exchange.HasStarted)
        {
            return StartThenFlushAsync(cancellationToken);
        }

        return exchange.IsAborted ? new ValueTask<FlushResult>(new FlushResult(isCanceled: false, isCompleted: true)) : pipe.FlushAsync(cancellationToken);
    }

    public override void CancelPendingFlush() => pipe.CancelPendingFlush();

    /// <summary>The application ending the body early: the response ends, the request may go on (Kestrel's CompleteAsync).</summary>
    public override void Complete(Exception? exception = null) =>
#pragma warning disable VSTHRD002 // PipeWriter.Complete is synchronous by contract; the work behind it is OnStarting callbacks
        CompleteAsync(exception).AsTask().GetAwaiter().GetResult();
#pragma warning restore VSTHRD002

    public override ValueTask CompleteAsync(Exception? exception = null) =>
        exception is null ? new ValueTask(exchange.CompleteAsync()) : AbortAsync();

    private ValueTask AbortAsync()
    {
        exchange.Abort();
        return ValueTask.CompletedTask;
    }

    private async ValueTask<FlushResult> StartThenFlushAsync(CancellationToken cancellationToken)
    {
        await exchange.StartAsync(cancellationToken).ConfigureAwait(false);
        return exchange.IsAborted ? new FlushResult(isCanceled: false, isCompleted: true) : await pipe.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private Memory<byte> Discard(int sizeHint)
    {
        var size = Math.Max(sizeHint, 4096);
        if (_discard is null || _discard.Length < size)
        {
            _discard = new byte[size];
        }

        return _discard;
    }
}
