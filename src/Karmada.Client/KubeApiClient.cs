using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using k8s;
using k8s.Authentication;
using Karmada.Client.RateLimiting;
using Karmada.Client.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Karmada.Client;

/// <summary>
/// A Kubernetes API client speaking raw JSON over HTTP(S): list, watch, get and every write, for any resource given as
/// a <see cref="ResourceRef"/>. Objects are <see cref="JsonObject"/> or, through the overloads taking a
/// <see cref="JsonTypeInfo{T}"/>, source-generated typed models (no reflection). Transport security and credentials
/// (CA, client certificates, bearer tokens, exec and OIDC token providers) come from KubernetesClient's kubeconfig
/// loading. Failures are <see cref="ApiException"/>s carrying the server's Status. Thread-safe; share one per process.
/// </summary>
public sealed partial class KubeApiClient : IDisposable
{
    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new("application/json");
    /// <summary>KubernetesClientConfiguration's default HttpClientTimeout, for clients built without one.</summary>
    private static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(100);
    private static readonly StreamPipeReaderOptions WatchPipeOptions = new(bufferSize: 16 * 1024, minimumReadSize: 4 * 1024);
    private readonly HttpClient _httpClient;
    private readonly ServiceClientCredentials? _credentials;
    private readonly string _baseUrl;
    private readonly TokenBucket? _rateLimiter;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _requestTimeout;
    private readonly Version _httpVersion;
    private readonly string _userAgent;
    private readonly ILogger _logger;

    /// <summary>Builds a client from an already loaded configuration (kubeconfig, in-cluster, or built in code).</summary>
    public KubeApiClient(
        KubernetesClientConfiguration configuration,
        KubeApiClientOptions? options = null,
        TimeProvider? timeProvider = null,
        ILogger<KubeApiClient>? logger = null)
        : this(configuration, ParseHost(configuration), options, timeProvider, logger)
    {
    }

    /// <summary>
    /// Builds a client that sends every request through <paramref name="handler"/> instead of a socket (an
    /// in-process transport to an API server, for example). The handler carries the credentials, if any; the
    /// client owns it and disposes it. Requests time out after <see cref="KubeApiClientOptions.RequestTimeout"/>,
    /// or 100 seconds (the kubeconfig default).
    /// </summary>
    public KubeApiClient(
        HttpMessageHandler handler,
        Uri baseUri,
        KubeApiClientOptions? options = null,
        TimeProvider? timeProvider = null,
        ILogger<KubeApiClient>? logger = null)
        : this(
            handler ?? throw new ArgumentNullException(nameof(handler)),
            baseUri is { IsAbsoluteUri: true } ? baseUri : throw new ArgumentException($"The base URI '{baseUri}' is not absolute.", nameof(baseUri)),
            defaultNamespace: null,
            credentials: null,
            HttpVersion.Version20,
            DefaultRequestTimeout,
            options,
            timeProvider,
            logger)
    {
    }

    private KubeApiClient(
        KubernetesClientConfiguration configuration,
        Uri baseUri,
        KubeApiClientOptions? options,
        TimeProvider? timeProvider,
        ILogger<KubeApiClient>? logger)
        : this(
            CreateHandler(configuration, baseUri),
            baseUri,
            configuration.Namespace,
            Kubernetes.CreateCredentials(configuration),
            configuration.DisableHttp2 ? HttpVersion.Version11 : HttpVersion.Version20,
            configuration.HttpClientTimeout,
            options,
            timeProvider,
            logger)
    {
    }

    private KubeApiClient(
        HttpMessageHandler handler,
        Uri baseUri,
        string? defaultNamespace,
        ServiceClientCredentials? credentials,
        Version httpVersion,
        TimeSpan defaultRequestTimeout,
        KubeApiClientOptions? options,
        TimeProvider? timeProvider,
        ILogger<KubeApiClient>? logger)
    {
        options ??= new KubeApiClientOptions();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        BaseUri = baseUri;
        DefaultNamespace = defaultNamespace;
        _baseUrl = baseUri.AbsoluteUri.TrimEnd('/');
        _credentials = credentials;
        _httpClient = new HttpClient(handler, disposeHandler: true)
        {
            // Timeouts are applied per request (watches must be able to run for hours).
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _httpVersion = httpVersion;
        _requestTimeout = options.RequestTimeout ?? defaultRequestTimeout;
        _userAgent = options.UserAgent;
        _rateLimiter = options.Qps > 0 ? new TokenBucket(options.Qps, Math.Max(1, options.Burst), _timeProvider) : null;
    }

    /// <summary>The API server's base URL.</summary>
    public Uri BaseUri { get; }

    /// <summary>The namespace of the kubeconfig context, when it names one.</summary>
    public string? DefaultNamespace { get; }

    /// <summary>Loads a kubeconfig file (optionally a specific context) and builds a client from it.</summary>
    public static async Task<KubeApiClient> FromKubeconfigAsync(
        string path,
        string? context = null,
        KubeApiClientOptions? options = null,
        TimeProvider? timeProvider = null,
        ILogger<KubeApiClient>? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var configuration = await KubernetesClientConfiguration
            .BuildConfigFromConfigFileAsync(new FileInfo(path), context)
            .ConfigureAwait(false);
        return new KubeApiClient(configuration, options, timeProvider, logger);
    }

    /// <summary>Reads one object.</summary>
    public Task<JsonObject> GetAsync(ResourceRef resource, string? @namespace, string name, CancellationToken cancellationToken = default) =>
        GetAsync(resource, @namespace, name, ClientJsonContext.Default.JsonObject, cancellationToken);

    /// <summary>Reads one object as <typeparamref name="T"/>.</summary>
    public Task<T> GetAsync<T>(ResourceRef resource, string? @namespace, string name, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(typeInfo);
        var url = resource.ItemPath(@namespace, name);
        return ExecuteAsync(HttpMethod.Get, url, null, (response, ct) => ReadJsonAsync(response, typeInfo, ct), cancellationToken);
    }

    /// <summary>
    /// Lists one page of objects (all of them when no limit is set). The namespace is null for cluster-scoped resources
    /// and to list a namespaced resource across all namespaces.
    /// </summary>
    public Task<ListResult<JsonObject>> ListAsync(ResourceRef resource, string? @namespace, ListOptions? options = null, CancellationToken cancellationToken = default) =>
        ListAsync(resource, @namespace, ClientJsonContext.Default.JsonObject, options, cancellationToken);

    /// <summary>Lists one page of objects as <typeparamref name="T"/>, decoding items as they stream in.</summary>
    public Task<ListResult<T>> ListAsync<T>(ResourceRef resource, string? @namespace, JsonTypeInfo<T> typeInfo, ListOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(typeInfo);
        var query = new QueryBuilder()
            .Add("labelSelector", options?.LabelSelector)
            .Add("fieldSelector", options?.FieldSelector)
            .Add("limit", options?.Limit is > 0 ? options.Limit.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null)
            .Add("continue", options?.Continue)
            .Add("resourceVersion", options?.ResourceVersion)
            .Add("resourceVersionMatch", options?.ResourceVersionMatch);
        var url = resource.CollectionPath(@namespace) + query;
        return ExecuteAsync(HttpMethod.Get, url, null, async (response, ct) =>
        {
            var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                return await JsonListReader.ReadAsync(stream, typeInfo, ct).ConfigureAwait(false);
            }
        }, cancellationToken);
    }

    /// <summary>Creates an object in the namespace named by its <c>metadata.namespace</c>.</summary>
    public Task<JsonObject> CreateAsync(ResourceRef resource, JsonObject obj, WriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return CreateAsync(resource, JsonObjectMeta.GetNamespace(obj), obj, ClientJsonContext.Default.JsonObject, options, cancellationToken);
    }

    /// <summary>Creates an object; returns the stored object (with uid, resourceVersion and defaults).</summary>
    public Task<T> CreateAsync<T>(ResourceRef resource, string? @namespace, T obj, JsonTypeInfo<T> typeInfo, WriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (resource.Namespaced && string.IsNullOrEmpty(@namespace))
        {
            throw new ArgumentException($"Resource {resource} is namespaced; a namespace is required to create an object.", nameof(@namespace));
        }

        var url = resource.CollectionPath(@namespace) + WriteQuery(options);
        return ExecuteAsync(HttpMethod.Post, url, JsonBody(obj, typeInfo), (response, ct) => ReadJsonAsync(response, typeInfo, ct), cancellationToken);
    }

    /// <summary>
    /// Replaces an object (PUT), addressed by its own metadata. When <c>metadata.resourceVersion</c> is set the server
    /// rejects a stale write with Conflict (<see cref="ApiException.IsConflict"/>).
    /// </summary>
    public Task<JsonObject> UpdateAsync(ResourceRef resource, JsonObject obj, WriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return UpdateAsync(resource, JsonObjectMeta.GetNamespace(obj), RequireName(obj), obj, ClientJsonContext.Default.JsonObject, options, cancellationToken);
    }

    /// <summary>Replaces an object (PUT) with optimistic concurrency on its <c>metadata.resourceVersion</c>.</summary>
    public Task<T> UpdateAsync<T>(ResourceRef resource, string? @namespace, string name, T obj, JsonTypeInfo<T> typeInfo, WriteOptions? options = null, CancellationToken cancellationToken = default) =>
        PutAsync(resource, @namespace, name, subresource: null, obj, typeInfo, options, cancellationToken);

    /// <summary>Replaces the <c>status</c> subresource of an object, addressed by its own metadata.</summary>
    public Task<JsonObject> UpdateStatusAsync(ResourceRef resource, JsonObject obj, WriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return UpdateStatusAsync(resource, JsonObjectMeta.GetNamespace(obj), RequireName(obj), obj, ClientJsonContext.Default.JsonObject, options, cancellationToken);
    }

    /// <summary>Replaces the <c>status</c> subresource of an object (the server ignores changes outside <c>status</c>).</summary>
    public Task<T> UpdateStatusAsync<T>(ResourceRef resource, string? @namespace, string name, T obj, JsonTypeInfo<T> typeInfo, WriteOptions? options = null, CancellationToken cancellationToken = default) =>
        PutAsync(resource, @namespace, name, "status", obj, typeInfo, options, cancellationToken);

    /// <summary>
    /// POSTs <paramref name="body"/> to a subresource of an object (<c>pods/{name}/binding</c>, <c>pods/{name}/eviction</c>),
    /// as client-go's <c>Bind</c> and <c>Evict</c> do; returns the server's answer (often a <c>Status</c>).
    /// </summary>
    public Task<JsonObject> CreateSubresourceAsync(ResourceRef resource, string? @namespace, string name, string subresource, JsonObject body, WriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentException.ThrowIfNullOrEmpty(subresource);
        var url = resource.ItemPath(@namespace, name, subresource) + WriteQuery(options);
        return ExecuteAsync(HttpMethod.Post, url, JsonBody(body, ClientJsonContext.Default.JsonObject), (response, ct) => ReadJsonAsync(response, ClientJsonContext.Default.JsonObject, ct), cancellationToken);
    }

    /// <summary>Patches an object; <paramref name="patch"/> is a JSON object (merge, strategic, apply) or array (JSON patch).</summary>
    public Task<JsonObject> PatchAsync(ResourceRef resource, string? @namespace, string name, PatchType patchType, JsonNode patch, PatchOptions? options = null, CancellationToken cancellationToken = default) =>
        PatchAsync(resource, @namespace, name, patchType, patch, ClientJsonContext.Default.JsonObject, options, cancellationToken);

    /// <summary>Patches an object and returns the result as <typeparamref name="T"/>.</summary>
    public Task<T> PatchAsync<T>(ResourceRef resource, string? @namespace, string name, PatchType patchType, JsonNode patch, JsonTypeInfo<T> typeInfo, PatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(patch);
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (patchType == PatchType.Apply && string.IsNullOrEmpty(options?.FieldManager))
        {
            throw new ArgumentException("Server-side apply needs PatchOptions.FieldManager.", nameof(options));
        }

        var query = new QueryBuilder()
            .Add("fieldManager", options?.FieldManager)
            .Add("force", options?.Force is { } force ? (force ? "true" : "false") : null)
            .Add("dryRun", options?.DryRun == true ? "All" : null)
            .Add("fieldValidation", options?.FieldValidation);
        var url = resource.ItemPath(@namespace, name, options?.Subresource) + query;
        var content = JsonContent.Create(patch, ClientJsonContext.Default.JsonNode, new MediaTypeHeaderValue(PatchContentType(patchType)));
        return ExecuteAsync(HttpMethod.Patch, url, content, (response, ct) => ReadJsonAsync(response, typeInfo, ct), cancellationToken);
    }

    /// <summary>
    /// Deletes an object. Returns the object when the server answers with it (deletion pending on finalizers, or a
    /// resource that returns deleted objects), and null when it answers with a Success Status.
    /// </summary>
    public Task<JsonObject?> DeleteAsync(ResourceRef resource, string? @namespace, string name, DeleteOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var url = resource.ItemPath(@namespace, name);
        var content = options is null ? null : JsonContent.Create(DeleteBody(options), ClientJsonContext.Default.JsonObject);
        return ExecuteAsync(HttpMethod.Delete, url, content, async (response, ct) =>
        {
            var body = await ReadJsonAsync(response, ClientJsonContext.Default.JsonObject, ct).ConfigureAwait(false);
            return body["kind"]?.GetValue<string>() == "Status" ? null : body;
        }, cancellationToken);
    }

    /// <summary>Watches a collection; see <see cref="WatchAsync{T}"/>.</summary>
    public IAsyncEnumerable<WatchEvent<JsonObject>> WatchAsync(ResourceRef resource, string? @namespace, WatchOptions? options = null, CancellationToken cancellationToken = default) =>
        WatchAsync(resource, @namespace, ClientJsonContext.Default.JsonObject, options, cancellationToken);

    /// <summary>
    /// Watches a collection, yielding one event per line of the server's stream until the server ends it (cleanly on
    /// its timeout) or the token is cancelled. A line that is not a valid event is logged and skipped. An ERROR event
    /// ends the enumeration with an exception: <see cref="ResourceExpiredException"/> when its Status is 410 (relist),
    /// <see cref="ApiException"/> otherwise. Transport failures surface as <see cref="HttpRequestException"/> or
    /// <see cref="IOException"/>.
    /// </summary>
    public async IAsyncEnumerable<WatchEvent<T>> WatchAsync<T>(
        ResourceRef resource,
        string? @namespace,
        JsonTypeInfo<T> typeInfo,
        WatchOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(typeInfo);
        var query = new QueryBuilder()
            .Add("watch", "true")
            .Add("allowWatchBookmarks", options?.AllowWatchBookmarks != false ? "true" : null)
            .Add("resourceVersion", options?.ResourceVersion)
            .Add("timeoutSeconds", options?.TimeoutSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Add("labelSelector", options?.LabelSelector)
            .Add("fieldSelector", options?.FieldSelector);
        var url = resource.CollectionPath(@namespace) + query;

        using var response = await SendAsync(HttpMethod.Get, url, null, cancellationToken).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            // Segments big enough for a typical object keep most lines in one segment, which decodes without a copy.
            var pipe = PipeReader.Create(stream, WatchPipeOptions);
            try
            {
                while (true)
                {
                    var result = await pipe.ReadAsync(cancellationToken).ConfigureAwait(false);
                    var buffer = result.Buffer;
                    while (TryReadLine(ref buffer, out var line))
                    {
                        if (TryParseWatchLine(line, typeInfo, resource, out var watchEvent))
                        {
                            yield return watchEvent;
                        }
                    }

                    if (result.IsCompleted)
                    {
                        // A last line without its newline is still an event if it parses.
                        if (!buffer.IsEmpty && TryParseWatchLine(buffer, typeInfo, resource, out var lastEvent))
                        {
                            yield return lastEvent;
                        }

                        yield break;
                    }

                    pipe.AdvanceTo(buffer.Start, buffer.End);
                }
            }
            finally
            {
                await pipe.CompleteAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// GETs a non-resource path (<c>/version</c>, <c>/readyz</c>, <c>/api</c>, <c>/apis</c>, <c>/apis/{g}/{v}</c>, ...)
    /// and returns the body as text.
    /// </summary>
    public Task<string> GetRawAsync(string pathAndQuery, CancellationToken cancellationToken = default)
    {
        var url = NormalizePath(pathAndQuery);
        return ExecuteAsync(HttpMethod.Get, url, null, (response, ct) => response.Content.ReadAsStringAsync(ct), cancellationToken);
    }

    /// <summary>GETs a non-resource path and decodes its JSON body as <typeparamref name="T"/>.</summary>
    public Task<T> GetRawAsync<T>(string pathAndQuery, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        var url = NormalizePath(pathAndQuery);
        return ExecuteAsync(HttpMethod.Get, url, null, (response, ct) => ReadJsonAsync(response, typeInfo, ct), cancellationToken);
    }

    /// <summary>
    /// GETs a non-resource path with an explicit <c>Accept</c> header (e.g. aggregated discovery,
    /// <c>application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList</c>) and decodes its JSON body.
    /// </summary>
    public Task<T> GetRawAsync<T>(string pathAndQuery, string accept, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accept);
        ArgumentNullException.ThrowIfNull(typeInfo);
        var url = NormalizePath(pathAndQuery);
        return ExecuteAsync(HttpMethod.Get, url, null, (response, ct) => ReadJsonAsync(response, typeInfo, ct), cancellationToken, accept);
    }

    /// <summary>
    /// As <see cref="GetRawAsync{T}(string, string, JsonTypeInfo{T}, CancellationToken)"/>, conditional on the
    /// document having changed since <paramref name="etag"/> (<c>If-None-Match</c>; kube-apiserver serves aggregated
    /// discovery with ETags): on <c>304 Not Modified</c> the result carries no body, and the caller keeps what it decoded
    /// from that ETag's document. A server that sends no ETag gives a null one.
    /// </summary>
    public Task<ConditionalGetResult<T>> GetRawIfNoneMatchAsync<T>(string pathAndQuery, string accept, string? etag, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentException.ThrowIfNullOrEmpty(accept);
        ArgumentNullException.ThrowIfNull(typeInfo);
        var url = NormalizePath(pathAndQuery);
        return ExecuteAsync(
            HttpMethod.Get,
            url,
            null,
            async (response, ct) => response.StatusCode == HttpStatusCode.NotModified
                ? new ConditionalGetResult<T>(null, etag)
                : new ConditionalGetResult<T>(await ReadJsonAsync(response, typeInfo, ct).ConfigureAwait(false), response.Headers.ETag?.ToString()),
            cancellationToken,
            accept,
            etag);
    }

    public void Dispose() => _httpClient.Dispose();

    private static Uri ParseHost(KubernetesClientConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (string.IsNullOrWhiteSpace(configuration.Host) || !Uri.TryCreate(configuration.Host, UriKind.Absolute, out var baseUri))
        {
            throw new ArgumentException($"The configuration's host '{configuration.Host}' is not an absolute URL.", nameof(configuration));
        }

        return baseUri;
    }

    internal static SocketsHttpHandler CreateHandler(KubernetesClientConfiguration configuration, Uri baseUri)
    {
        var handler = new SocketsHttpHandler
        {
            // Many informers hold long-lived watches; without this they would queue behind the 100-stream limit
            // of a single HTTP/2 connection.
            EnableMultipleHttp2Connections = true,

            // Pings detect a dead peer under an idle watch long before TCP would.
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            KeepAlivePingDelay = TimeSpan.FromSeconds(30),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(15),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(90),
            ConnectTimeout = TimeSpan.FromSeconds(30),
        };

        if (baseUri.Scheme == Uri.UriSchemeHttps)
        {
            if (configuration.SkipTlsVerify)
            {
                // insecure-skip-tls-verify is an explicit, user-chosen kubeconfig setting (dev clusters); honour it as kubectl does.
#pragma warning disable CA5359
                handler.SslOptions.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
#pragma warning restore CA5359
            }
            else if (configuration.SslCaCerts is { Count: > 0 } caCerts)
            {
                handler.SslOptions.RemoteCertificateValidationCallback = (sender, certificate, chain, errors) =>
                    certificate is not null && chain is not null
                    && Kubernetes.CertificateValidationCallBack(sender, caCerts, certificate, chain, errors);
            }

            // Without a CA in the kubeconfig the system trust store applies, as with kubectl.
            if (!string.IsNullOrEmpty(configuration.TlsServerName))
            {
                handler.SslOptions.TargetHost = configuration.TlsServerName;
            }

            var clientCertificate = LoadClientCertificate(configuration);
            if (clientCertificate is not null)
            {
                handler.SslOptions.ClientCertificates = new X509CertificateCollection { clientCertificate };
            }
        }

        configuration.FirstMessageHandlerSetup?.Invoke(handler);
        return handler;
    }

    /// <summary>
    /// Loads the kubeconfig's client certificate and key (inline data or files, PEM), or null when there is none.
    /// The PKCS#12 round trip gives a certificate whose private key TLS can use on every platform.
    /// </summary>
    internal static X509Certificate2? LoadClientCertificate(KubernetesClientConfiguration configuration)
    {
        var certificatePem = ReadPem(configuration.ClientCertificateData, configuration.ClientCertificateFilePath);
        var keyPem = ReadPem(configuration.ClientCertificateKeyData, configuration.ClientKeyFilePath);
        if (certificatePem is null || keyPem is null)
        {
            return null;
        }

        using var ephemeral = X509Certificate2.CreateFromPem(certificatePem, keyPem);
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), password: null);
    }

    private static string? ReadPem(string? base64Data, string? filePath)
    {
        if (!string.IsNullOrWhiteSpace(base64Data))
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64Data));
        }

        return string.IsNullOrWhiteSpace(filePath) ? null : File.ReadAllText(filePath);
    }

    private Task<T> PutAsync<T>(ResourceRef resource, string? @namespace, string name, string? subresource, T obj, JsonTypeInfo<T> typeInfo, WriteOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(typeInfo);
        var url = resource.ItemPath(@namespace, name, subresource) + WriteQuery(options);
        return ExecuteAsync(HttpMethod.Put, url, JsonBody(obj, typeInfo), (response, ct) => ReadJsonAsync(response, typeInfo, ct), cancellationToken);
    }

    /// <summary>Sends a non-watch request under the request timeout and reads its response.</summary>
    private async Task<TResult> ExecuteAsync<TResult>(
        HttpMethod method,
        string pathAndQuery,
        HttpContent? content,
        Func<HttpResponseMessage, CancellationToken, Task<TResult>> readResponse,
        CancellationToken cancellationToken,
        string? accept = null,
        string? ifNoneMatch = null)
    {
        using var timeout = _requestTimeout == Timeout.InfiniteTimeSpan ? null : new CancellationTokenSource(_requestTimeout, _timeProvider);

        // A linked source only when both the caller and the timeout can cancel: one per request is enough otherwise.
        using var linked = timeout is not null && cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token)
            : null;
        var token = linked?.Token ?? timeout?.Token ?? cancellationToken;
        try
        {
            using var response = await SendAsync(method, pathAndQuery, content, token, accept, ifNoneMatch).ConfigureAwait(false);
            return await readResponse(response, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (timeout?.IsCancellationRequested == true && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{method} {pathAndQuery} did not complete within {_requestTimeout}.", ex);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathAndQuery, HttpContent? content, CancellationToken cancellationToken, string? accept = null, string? ifNoneMatch = null)
    {
        var agentTag = new KeyValuePair<string, object?>("user_agent", _userAgent);
        if (_rateLimiter is not null)
        {
            var delay = _rateLimiter.Reserve();
            ClientMetrics.RateLimiterDuration.Record(delay.TotalSeconds, agentTag);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }

        ClientMetrics.Requests.Add(1, agentTag, new KeyValuePair<string, object?>("verb", method.Method));
        using var request = new HttpRequestMessage(method, _baseUrl + pathAndQuery)
        {
            Version = _httpVersion,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
            Content = content,
        };
        if (accept is null)
        {
            request.Headers.Accept.Add(AcceptJson);
        }
        else
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
        request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        if (_credentials is not null)
        {
            // Applied per request so that refreshing token providers (exec, OIDC, token files) stay current.
            await _credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode || (ifNoneMatch is not null && response.StatusCode == HttpStatusCode.NotModified))
        {
            return response;
        }

        using (response)
        {
            var error = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
            LogRequestFailed(_logger, method.Method, pathAndQuery, error.Status.Code, error.Reason);
            throw error;
        }
    }

    /// <summary>
    /// A JSON request body serialized up front: the request then carries a Content-Length, so it goes out without
    /// chunked framing and the server reads it in one piece.
    /// </summary>
    private static ByteArrayContent JsonBody<T>(T obj, JsonTypeInfo<T> typeInfo)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(obj, typeInfo));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var result = typeof(T) == typeof(JsonObject)
                ? (T?)(object?)await UnstructuredJson.ReadObjectAsync(stream, response.Content.Headers.ContentLength, cancellationToken).ConfigureAwait(false)
                : await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false);
            return result ?? throw new JsonException($"The response body of type {typeof(T).Name} was null.");
        }
    }

    private static async Task<ApiException> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        ApiStatus? status = null;
        if (body.AsSpan().TrimStart().StartsWith("{", StringComparison.Ordinal))
        {
            try
            {
                status = JsonSerializer.Deserialize(body, ClientJsonContext.Default.ApiStatus);
            }
            catch (JsonException)
            {
                // Not a Status (a proxy's error page, say): fall through to a synthesised one.
            }
        }

        status ??= new ApiStatus { Status = "Failure" };
        var code = (int)response.StatusCode;
        if (status.Code == 0)
        {
            status.Code = code;
        }

        status.Reason ??= ReasonForCode(code);
        status.Message ??= string.IsNullOrWhiteSpace(body) ? response.ReasonPhrase : body.Trim();
        return ApiException.FromStatus(status);
    }

    /// <summary>apimachinery's reasons for a bare HTTP status code (<c>errors.NewGenericServerResponse</c>).</summary>
    private static string ReasonForCode(int code) => code switch
    {
        400 => "BadRequest",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "NotFound",
        405 => "MethodNotAllowed",
        406 => "NotAcceptable",
        409 => "Conflict",
        410 => "Gone",
        413 => "RequestEntityTooLarge",
        415 => "UnsupportedMediaType",
        422 => "Invalid",
        429 => "TooManyRequests",
        500 => "InternalError",
        503 => "ServiceUnavailable",
        504 => "Timeout",
        _ => "Unknown",
    };

    private bool TryParseWatchLine<T>(ReadOnlySequence<byte> line, JsonTypeInfo<T> typeInfo, ResourceRef resource, out WatchEvent<T> watchEvent)
    {
        watchEvent = null!;
        if (IsBlank(line))
        {
            return false;
        }

        try
        {
            watchEvent = WatchLineParser.Parse(line, typeInfo);
            return true;
        }
        catch (JsonException ex)
        {
            LogBadWatchLine(_logger, resource.ToString(), ex);
            return false;
        }
    }

    private static bool TryReadLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line)
    {
        var newline = buffer.PositionOf((byte)'\n');
        if (newline is null)
        {
            line = default;
            return false;
        }

        line = buffer.Slice(0, newline.Value);
        buffer = buffer.Slice(buffer.GetPosition(1, newline.Value));
        return true;
    }

    private static bool IsBlank(ReadOnlySequence<byte> line)
    {
        foreach (var segment in line)
        {
            foreach (var b in segment.Span)
            {
                if (b is not ((byte)' ' or (byte)'\r' or (byte)'\t'))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static string NormalizePath(string pathAndQuery)
    {
        ArgumentException.ThrowIfNullOrEmpty(pathAndQuery);
        return pathAndQuery[0] == '/' ? pathAndQuery : "/" + pathAndQuery;
    }

    private static string RequireName(JsonObject obj) =>
        JsonObjectMeta.GetName(obj) is { Length: > 0 } name
            ? name
            : throw new ArgumentException("The object has no metadata.name.", nameof(obj));

    private static string WriteQuery(WriteOptions? options) => new QueryBuilder()
        .Add("fieldManager", options?.FieldManager)
        .Add("dryRun", options?.DryRun == true ? "All" : null)
        .Add("fieldValidation", options?.FieldValidation)
        .ToString();

    private static string PatchContentType(PatchType patchType) => patchType switch
    {
        PatchType.Merge => "application/merge-patch+json",
        PatchType.Json => "application/json-patch+json",
        PatchType.Strategic => "application/strategic-merge-patch+json",
        PatchType.Apply => "application/apply-patch+yaml",
        _ => throw new ArgumentOutOfRangeException(nameof(patchType), patchType, "Unknown patch type."),
    };

    private static JsonObject DeleteBody(DeleteOptions options)
    {
        var body = new JsonObject { ["kind"] = "DeleteOptions", ["apiVersion"] = "v1" };
        if (options.PropagationPolicy is { } policy)
        {
            body["propagationPolicy"] = policy.ToString();
        }

        if (options.GracePeriodSeconds is { } grace)
        {
            body["gracePeriodSeconds"] = grace;
        }

        if (options.Preconditions is { } preconditions)
        {
            var conditions = new JsonObject();
            if (preconditions.Uid is not null)
            {
                conditions["uid"] = preconditions.Uid;
            }

            if (preconditions.ResourceVersion is not null)
            {
                conditions["resourceVersion"] = preconditions.ResourceVersion;
            }

            body["preconditions"] = conditions;
        }

        if (options.DryRun)
        {
            body["dryRun"] = new JsonArray("All");
        }

        return body;
    }

    // Event ids 3000-3099: KubeApiClient. Next free id: 3002.
    [LoggerMessage(3000, LogLevel.Debug, "{Method} {Path} failed with {Code} {Reason}")]
    private static partial void LogRequestFailed(ILogger logger, string method, string path, int code, string reason);

    [LoggerMessage(3001, LogLevel.Warning, "Skipped a watch line of {Resource} that is not a valid event")]
    private static partial void LogBadWatchLine(ILogger logger, string resource, Exception exception);

    /// <summary>Builds a URL query string, escaping values and leaving out nulls.</summary>
    private sealed class QueryBuilder
    {
        private readonly StringBuilder _builder = new();

        public QueryBuilder Add(string name, string? value)
        {
            if (value is not null)
            {
                _builder.Append(_builder.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            }

            return this;
        }

        public override string ToString() => _builder.ToString();
    }
}
