using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace Karmada.ApiServer.Hosting.Loopback;

/// <summary>
/// An <see cref="HttpMessageHandler"/> that serves requests in memory through the API server's own pipeline (the one
/// Kestrel runs: authentication, every middleware, the dispatcher) with no socket, TLS or HTTP/2 framing, as
/// kube-apiserver's loopback client does for its in-process components. The request runs on the caller's thread
/// until it first waits; the response returns when the server sends its headers, and its body streams as the server
/// flushes (a watch delivers each event as written). Cancelling the request or disposing the response body aborts it
/// on the server. With <c>authorization</c> set, every request that carries no <c>Authorization</c> header of its own
/// presents it.
/// </summary>
public sealed class LoopbackHandler : HttpMessageHandler
{
    private static readonly HttpConnectionFeature Connection = new()
    {
        ConnectionId = "loopback",
        LocalIpAddress = IPAddress.Loopback,
        RemoteIpAddress = IPAddress.Loopback,
    };

    private readonly LoopbackServer _server;
    private readonly string? _authorization;

    /// <summary>Creates a handler for <paramref name="server"/>.</summary>
    /// <param name="server">The server whose pipeline runs the requests.</param>
    /// <param name="authorization">The <c>Authorization</c> header value to present, or null to send only what requests carry.</param>
    public LoopbackHandler(LoopbackServer server, string? authorization)
    {
        ArgumentNullException.ThrowIfNull(server);
        _server = server;
        _authorization = authorization;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        if (!uri.IsAbsoluteUri)
        {
            throw new InvalidOperationException($"The request URI '{uri}' is not absolute.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var requestFeature = await CreateRequestFeatureAsync(request, uri, cancellationToken).ConfigureAwait(false);
        var exchange = new LoopbackExchange(_server, requestFeature.Method, requestFeature.Path, request.Content is not null);
        var application = _server.Admit(exchange);
        var features = new FeatureCollection(6);
        features.Set<IHttpRequestFeature>(requestFeature);
        features.Set<IHttpResponseFeature>(exchange);
        features.Set<IHttpResponseBodyFeature>(exchange);
        features.Set<IHttpRequestLifetimeFeature>(exchange);
        features.Set<IHttpRequestBodyDetectionFeature>(exchange);
        features.Set<IHttpConnectionFeature>(Connection);

        // Cancellation applies until the headers arrive; after that, cancelling a body read or disposing the body
        // aborts (as with HttpClient, whose SendAsync token no longer reaches the response stream by then).
        using (cancellationToken.UnsafeRegister(static (state, token) => ((LoopbackExchange)state!).AbortByClient(token), exchange))
        {
            _ = application.ProcessAsync(features, exchange);
            await exchange.ResponseStarted.ConfigureAwait(false);
        }

        return CreateResponse(request, exchange);
    }

    private async Task<HttpRequestFeature> CreateRequestFeatureAsync(HttpRequestMessage request, Uri uri, CancellationToken cancellationToken)
    {
        IHeaderDictionary headers = new HeaderDictionary();
        foreach (var header in request.Headers.NonValidated)
        {
            headers.Append(header.Key, ToStringValues(header.Value));
        }

        if (string.IsNullOrEmpty(headers.Host))
        {
            headers.Host = uri.Authority;
        }

        if (_authorization is not null && string.IsNullOrEmpty(headers.Authorization))
        {
            headers.Authorization = _authorization;
        }

        var body = Stream.Null;
        if (request.Content is { } content)
        {
            // Reading ContentLength computes it (a byte array's size), as HttpClient does before sending the headers.
            var length = content.Headers.ContentLength;
            foreach (var header in content.Headers.NonValidated)
            {
                if (!header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    headers.Append(header.Key, ToStringValues(header.Value));
                }
            }

            headers.ContentLength = length;
            body = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        }

        return new HttpRequestFeature
        {
            Protocol = HttpProtocol.GetHttpProtocol(request.Version),
            Method = request.Method.Method,
            Scheme = uri.Scheme,
            PathBase = string.Empty,
            Path = PathString.FromUriComponent(uri).Value ?? "/",
            QueryString = uri.Query,
            RawTarget = uri.PathAndQuery,
            Headers = headers,
            Body = body,
        };
    }

    private static HttpResponseMessage CreateResponse(HttpRequestMessage request, LoopbackExchange exchange)
    {
        var response = new HttpResponseMessage((HttpStatusCode)exchange.StatusCode)
        {
            Version = request.Version,
            RequestMessage = request,
            Content = new LoopbackResponseContent(exchange.OpenResponseBody()),
        };
        if (exchange.ReasonPhrase is { } reason)
        {
            response.ReasonPhrase = reason;
        }

        foreach (var (name, values) in exchange.Headers)
        {
            if (!response.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                response.Content.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        return response;
    }

    private static StringValues ToStringValues(HeaderStringValues values)
    {
        if (values.Count == 1)
        {
            return values.ToString();
        }

        var array = new string[values.Count];
        var i = 0;
        foreach (var value in values)
        {
            array[i++] = value;
        }

        return array;
    }
}
