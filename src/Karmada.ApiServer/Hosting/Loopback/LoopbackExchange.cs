using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Karmada.ApiServer.Hosting.Loopback;

/// <summary>
/// One request on the loopback transport, in the role Kestrel's HTTP/2 stream plays: the response, body and lifetime
/// features the pipeline sees, and the client's side (headers once sent, the body as it is flushed, aborts both ways).
/// Semantics follow Kestrel: the first flush or <c>StartAsync</c> sends the headers after the OnStarting callbacks;
/// an application failure before that is a bare 500, after it a stream reset; a client that cancels or disposes the
/// body before the end aborts the request (<c>RequestAborted</c> fires).
/// </summary>
#pragma warning disable CA1001 // the abort source has no timer to release, and a late abort must never hit a disposed source
internal sealed class LoopbackExchange : IHttpResponseFeature, IHttpResponseBodyFeature, IHttpRequestLifetimeFeature, IHttpRequestBodyDetectionFeature
{
    // A whole LIST response can sit in the pipe without the server waiting for the client to catch up (HTTP/2's
    // windows let Kestrel run ahead by a similar amount).
    private static readonly PipeOptions BodyPipeOptions = new(pauseWriterThreshold: 1024 * 1024, resumeWriterThreshold: 512 * 1024, useSynchronizationContext: false);

    private readonly LoopbackServer _server;
    private readonly Pipe _body = new(BodyPipeOptions);
    private readonly CancellationTokenSource _abortSource = new();
    private readonly TaskCompletionSource _headersSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly LoopbackResponseWriter _writer;
    private Stack<KeyValuePair<Func<object, Task>, object>>? _onStarting;
    private Stack<KeyValuePair<Func<object, Task>, object>>? _onCompleted;
    private IHeaderDictionary _headers = new HeaderDictionary();
    private CancellationToken _requestAborted;
    private Stream? _stream;
    private int _statusCode = StatusCodes.Status200OK;
    private string? _reasonPhrase;
    private bool _started;
    private bool _discardBody;
    private bool _writerCompleted;
    private volatile bool _aborted;
    private volatile bool _ended;
    private volatile Exception? _reset;

    public LoopbackExchange(LoopbackServer server, string method, string path, bool canHaveBody)
    {
        _server = server;
        Method = method;
        Path = path;
        CanHaveBody = canHaveBody;
        _writer = new LoopbackResponseWriter(this, _body.Writer);
        _requestAborted = _abortSource.Token;
    }

    public string Method { get; }

    public string Path { get; }

    /// <summary>True once either side aborted: the server's writes are discarded from then on.</summary>
    public bool IsAborted => _aborted;

    /// <summary>Completes when the headers are sent; faults when the server reset the request before that.</summary>
#pragma warning disable VSTHRD003 // completed by the server's pipeline, which never waits on the client's context
    public Task ResponseStarted => _headersSent.Task;
#pragma warning restore VSTHRD003

    /// <summary>Why reads of the body fail (the server reset the stream, or the client aborted it), or null.</summary>
    public Exception? ResetError => _reset;

    public int StatusCode
    {
        get => _statusCode;
        set
        {
            ThrowIfStarted(nameof(StatusCode));
            _statusCode = value;
        }
    }

    public string? ReasonPhrase
    {
        get => _reasonPhrase;
        set
        {
            ThrowIfStarted(nameof(ReasonPhrase));
            _reasonPhrase = value;
        }
    }

    public IHeaderDictionary Headers
    {
        get => _headers;
        set => _headers = value;
    }

    Stream IHttpResponseFeature.Body
    {
        get => Stream;
        set => _stream = value;
    }

    public bool HasStarted => _started;

    public Stream Stream => _stream ??= _writer.AsStream(leaveOpen: true);

    public PipeWriter Writer => _writer;

    public CancellationToken RequestAborted
    {
        get => _requestAborted;
        set => _requestAborted = value;
    }

    public bool CanHaveBody { get; }

    public void OnStarting(Func<object, Task> callback, object state)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ThrowIfStarted(nameof(OnStarting));
        (_onStarting ??= new()).Push(new(callback, state));
    }

    public void OnCompleted(Func<object, Task> callback, object state)
    {
        ArgumentNullException.ThrowIfNull(callback);
        (_onCompleted ??= new()).Push(new(callback, state));
    }

    public void DisableBuffering()
    {
        // Every flush already reaches the client; there is no buffer to turn off.
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => _started ? Task.CompletedTask : StartSlowAsync();

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
        SendFileFallback.SendFileAsync(Stream, path, offset, count, cancellationToken);

    /// <summary>Ends the response body while the application may still run (<c>Response.CompleteAsync</c>).</summary>
    public async Task CompleteAsync()
    {
        await StartAsync().ConfigureAwait(false);
        if (!_aborted)
        {
            await _writer.FlushAsync().ConfigureAwait(false);
        }

        CompleteWriter();
    }

    /// <summary>The server resets the request (<c>HttpContext.Abort</c>, or the server stopping).</summary>
    public void Abort()
    {
        if (_ended)
        {
            return;
        }

        var reset = new HttpProtocolException(0x2, "The HTTP/2 server reset the stream. HTTP/2 error code 'INTERNAL_ERROR' (0x2).", null);
        _reset ??= reset;
        _headersSent.TrySetException(new HttpRequestException(HttpRequestError.HttpProtocolError, "An error occurred while sending the request.", reset));
        AbortCore();
        _body.Reader.CancelPendingRead();
    }

    /// <summary>The client gave up on the request (cancelled it, or disposed the response body before its end).</summary>
    public void AbortByClient(CancellationToken cancellationToken)
    {
        if (_ended)
        {
            return;
        }

        _reset ??= new IOException("The request was aborted by the client.");
        _headersSent.TrySetCanceled(cancellationToken);
        AbortCore();
    }

    /// <summary>The client's view of the response body.</summary>
    public Stream OpenResponseBody() => _discardBody ? Stream.Null : new LoopbackResponseStream(this, _body.Reader);

    /// <summary>Called by the server once the application returned (or threw): ends the response as Kestrel does.</summary>
    public async Task EndAsync(Exception? error)
    {
        if (error is null && !_started && !_aborted)
        {
            try
            {
                await StartSlowAsync().ConfigureAwait(false);
            }
#pragma warning disable CA1031 // a failing OnStarting callback fails the request like the application failing
            catch (Exception ex)
#pragma warning restore CA1031
            {
                error = ex;
            }
        }

        if (error is not null && !_started && !_aborted)
        {
            // Nothing reached the client yet: a bare 500 replaces whatever the application had prepared.
            _statusCode = StatusCodes.Status500InternalServerError;
            _reasonPhrase = null;
            _headers.Clear();
            _headers.ContentLength = 0;
            _headers.Date = DateHeader.Current;
            _discardBody = true;
            MarkStarted();
        }
        else if (error is not null)
        {
            Abort();
        }

        CompleteWriter();
        await FireOnCompletedAsync().ConfigureAwait(false);
    }

    private async Task StartSlowAsync()
    {
        if (_onStarting is { } callbacks)
        {
            _onStarting = null;
            while (callbacks.TryPop(out var callback))
            {
                await callback.Key(callback.Value).ConfigureAwait(false);
            }
        }

        if (!_started)
        {
            _headers.Date = DateHeader.Current;
            MarkStarted();
        }
    }

    private void MarkStarted()
    {
        _started = true;
        if (_headers is HeaderDictionary dictionary)
        {
            // As over Kestrel, the headers cannot change once sent (and the client reads them from now on).
            dictionary.IsReadOnly = true;
        }

        _headersSent.TrySetResult();
    }

    private void AbortCore()
    {
        _aborted = true;

        // Unblocks a server waiting for room in the pipe; later flushes return at once (see LoopbackResponseWriter).
        _body.Writer.CancelPendingFlush();
        _ = _abortSource.CancelAsync();
    }

    private void CompleteWriter()
    {
        _ended = true;
        if (!_writerCompleted)
        {
            _writerCompleted = true;
            _body.Writer.Complete();
        }
    }

    private async Task FireOnCompletedAsync()
    {
        if (_onCompleted is not { } callbacks)
        {
            return;
        }

        _onCompleted = null;
        while (callbacks.TryPop(out var callback))
        {
            try
            {
                await callback.Key(callback.Value).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // as in Kestrel, one failing OnCompleted callback does not stop the others
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _server.LogApplicationError(Method, Path, ex);
            }
        }
    }

    private void ThrowIfStarted(string what)
    {
        if (_started)
        {
            throw new InvalidOperationException($"{what} cannot be set because the response has already started.");
        }
    }
}
#pragma warning restore CA1001
