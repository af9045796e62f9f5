using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Karmada.ApiServer.Hosting.Loopback;
using Karmada.Client;
using Karmada.Security.Certificates;
using Karmada.Testing.ControlPlane;
using Microsoft.Extensions.DependencyInjection;

namespace Karmada.ApiServer.Tests.Hosting;

/// <summary>
/// The loopback transport against a real API server: every answer equals the one HTTPS gives for the same request,
/// watches stream event by event, aborts reach the server, and the loopback credential is required.
/// </summary>
public sealed class LoopbackTransportTests : IAsyncLifetime
{
    private const string UserAgent = "loopback-tests";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);
    private readonly ServerRequests _requests = new();
    private InProcessControlPlane _controlPlane = null!;
    private HttpClient _https = null!;
    private HttpClient _loopback = null!;

    public async Task InitializeAsync()
    {
        _controlPlane = await InProcessControlPlane.StartAsync(new InProcessControlPlaneOptions
        {
            DirectoryPrefix = "loopback-it",
            KarmadaResources = false,
            ConfigurePipeline = _requests.Install,
        });
        _https = CreateHttpsClient(_controlPlane.ApiServer.Security.AdminToken);
        _loopback = new HttpClient(_controlPlane.ApiServer.CreateLoopbackHandler()) { BaseAddress = new Uri(_controlPlane.ApiServer.Url) };
        foreach (var ns in new[] { "transport-a", "transport-b" })
        {
            await _controlPlane.Client.CreateAsync(ResourceRef.Namespaces, new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = ns } });
        }
    }

    public async Task DisposeAsync()
    {
        _https.Dispose();
        _loopback.Dispose();
        await _controlPlane.DisposeAsync();
    }

    [Fact]
    public async Task EveryVerbAndErrorAnswersAsOverHttps()
    {
        var steps = new (string Name, Func<string, ConfigMapRequest> Request)[]
        {
            ("create", ns => Json(HttpMethod.Post, $"/api/v1/namespaces/{ns}/configmaps", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm","labels":{"a":"1"}},"data":{"k":"v"}}""")),
            ("create again: conflict", ns => Json(HttpMethod.Post, $"/api/v1/namespaces/{ns}/configmaps", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm"}}""")),
            ("get", ns => Plain(HttpMethod.Get, $"/api/v1/namespaces/{ns}/configmaps/cm")),
            ("get missing", ns => Plain(HttpMethod.Get, $"/api/v1/namespaces/{ns}/configmaps/missing")),
            ("list", ns => Plain(HttpMethod.Get, $"/api/v1/namespaces/{ns}/configmaps?labelSelector=a%3D1")),
            ("list as table", ns => Plain(HttpMethod.Get, $"/api/v1/namespaces/{ns}/configmaps", "application/json;as=Table;v=v1;g=meta.k8s.io")),
            ("update", ns => Json(HttpMethod.Put, $"/api/v1/namespaces/{ns}/configmaps/cm", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm","labels":{"a":"1"}},"data":{"k":"v2"}}""")),
            ("update stale", ns => Json(HttpMethod.Put, $"/api/v1/namespaces/{ns}/configmaps/cm", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm","resourceVersion":"1"},"data":{}}""")),
            ("merge patch", ns => Body(HttpMethod.Patch, $"/api/v1/namespaces/{ns}/configmaps/cm", """{"data":{"merge":"yes"}}""", "application/merge-patch+json")),
            ("json patch", ns => Body(HttpMethod.Patch, $"/api/v1/namespaces/{ns}/configmaps/cm", """[{"op":"add","path":"/data/json","value":"yes"}]""", "application/json-patch+json")),
            ("strategic patch", ns => Body(HttpMethod.Patch, $"/api/v1/namespaces/{ns}/configmaps/cm", """{"metadata":{"labels":{"b":"2"}}}""", "application/strategic-merge-patch+json")),
            ("apply", ns => Body(HttpMethod.Patch, $"/api/v1/namespaces/{ns}/configmaps/applied?fieldManager=tests", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\ndata:\n  k: v\n", "application/apply-patch+yaml")),
            ("apply without manager", ns => Body(HttpMethod.Patch, $"/api/v1/namespaces/{ns}/configmaps/applied", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\n", "application/apply-patch+yaml")),
            ("bad json", ns => Json(HttpMethod.Post, $"/api/v1/namespaces/{ns}/configmaps", "{not json")),
            ("bad protobuf", ns => Body(HttpMethod.Post, $"/api/v1/namespaces/{ns}/configmaps", "not protobuf", "application/vnd.kubernetes.protobuf")),
            ("unknown resource", ns => Plain(HttpMethod.Get, $"/api/v1/namespaces/{ns}/widgets")),
            ("version", _ => Plain(HttpMethod.Get, "/version")),
            ("delete", ns => Plain(HttpMethod.Delete, $"/api/v1/namespaces/{ns}/configmaps/cm")),
        };

        foreach (var (name, request) in steps)
        {
            var overHttps = await SendAsync(_https, request("transport-a"), "transport-a");
            var overLoopback = await SendAsync(_loopback, request("transport-b"), "transport-b");

            Assert.True(overHttps == overLoopback, $"{name}:\nHTTPS:    {overHttps}\nloopback: {overLoopback}");
        }
    }

    [Fact]
    public async Task ClientCallsGiveTheSameObjectsAndErrorsAsOverHttps()
    {
        using var loopback = new KubeApiClient(_controlPlane.ApiServer.CreateLoopbackHandler(), new Uri(_controlPlane.ApiServer.Url));
        var https = _controlPlane.Client;
        var results = new List<string>[] { [], [] };
        foreach (var (client, ns, result) in new[] { (https, "transport-a", results[0]), (loopback, "transport-b", results[1]) })
        {
            var created = await client.CreateAsync(ResourceRef.ConfigMaps, ConfigMap(ns, "typed"));
            result.Add(Normalize(created, ns));
            created["data"] = new JsonObject { ["k"] = "updated" };
            result.Add(Normalize(await client.UpdateAsync(ResourceRef.ConfigMaps, created), ns));
            result.Add(Normalize(await client.PatchAsync(ResourceRef.ConfigMaps, ns, "typed", PatchType.Merge, new JsonObject { ["data"] = new JsonObject { ["m"] = "1" } }), ns));
            result.Add(Normalize(await client.PatchAsync(ResourceRef.ConfigMaps, ns, "typed", PatchType.Apply, ConfigMap(ns, "typed"), new PatchOptions { FieldManager = "tests", Force = true }), ns));
            var list = await client.ListAsync(ResourceRef.ConfigMaps, ns, new ListOptions { LabelSelector = "typed=yes" });
            result.Add(string.Join(",", list.Items.Select(i => JsonObjectMeta.GetName(i))));
            var missing = await Assert.ThrowsAsync<ApiException>(() => client.GetAsync(ResourceRef.ConfigMaps, ns, "missing"));
            result.Add($"{missing.Status.Code} {missing.Reason} {missing.Status.Message?.Replace(ns, "NS", StringComparison.Ordinal)}");
        }

        Assert.Equal(results[0], results[1]);
    }

    [Fact]
    public async Task WatchDeliversEachEventAsItIsWritten()
    {
        using var client = new KubeApiClient(_controlPlane.ApiServer.CreateLoopbackHandler(), new Uri(_controlPlane.ApiServer.Url));
        var start = await client.ListAsync(ResourceRef.ConfigMaps, "transport-b");
        using var timeout = new CancellationTokenSource(Deadline);
        await using var events = client.WatchAsync(ResourceRef.ConfigMaps, "transport-b", new WatchOptions { ResourceVersion = start.ResourceVersion, AllowWatchBookmarks = false }, timeout.Token)
            .GetAsyncEnumerator(timeout.Token);

        // Each write happens only after the previous event arrived: the stream cannot be buffered to its end.
        await client.CreateAsync(ResourceRef.ConfigMaps, ConfigMap("transport-b", "w1"));
        await ExpectAsync("ADDED", "w1");
        await client.CreateAsync(ResourceRef.ConfigMaps, ConfigMap("transport-b", "w2"));
        await ExpectAsync("ADDED", "w2");
        await client.PatchAsync(ResourceRef.ConfigMaps, "transport-b", "w1", PatchType.Merge, new JsonObject { ["data"] = new JsonObject { ["x"] = "y" } });
        await ExpectAsync("MODIFIED", "w1");
        await client.DeleteAsync(ResourceRef.ConfigMaps, "transport-b", "w2");
        await ExpectAsync("DELETED", "w2");

        async Task ExpectAsync(string type, string name)
        {
            Assert.True(await events.MoveNextAsync().AsTask().WaitAsync(Deadline), "the watch ended");
            Assert.Equal((type, name), (events.Current.Type.ToString().ToUpperInvariant(), JsonObjectMeta.GetName(events.Current.Object!)));
        }
    }

    [Theory]
    [InlineData(WatchEnd.CancelRead)]
    [InlineData(WatchEnd.DisposeBody)]
    [InlineData(WatchEnd.CancelClientWatch)]
    public async Task EndingAWatchOnTheClientEndsItOnTheServer(WatchEnd end)
    {
        var path = $"/api/v1/namespaces/via-loopback/configmaps?watch=true&allowWatchBookmarks=false&timeoutSeconds=600&end={end}";
        using var cancel = new CancellationTokenSource();
        if (end == WatchEnd.CancelClientWatch)
        {
            using var client = new KubeApiClient(_controlPlane.ApiServer.CreateLoopbackHandler(), new Uri(_controlPlane.ApiServer.Url));
            var watching = ConsumeAsync(client.WatchAsync(ResourceRef.ConfigMaps, "transport-b", new WatchOptions { TimeoutSeconds = 600, AllowWatchBookmarks = false, LabelSelector = $"end={end}" }, cancel.Token));
            var request = await _requests.WaitForAsync(r => r.Query.Contains($"end%3D{end}", StringComparison.Ordinal));
            await cancel.CancelAsync();
            await AssertCancelledAsync(watching);
            Assert.True(await WaitAbortedAsync(request), "the server's request was not aborted");
            return;
        }

        using var response = await _loopback.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var served = await _requests.WaitForAsync(r => r.Query.Contains($"end={end}", StringComparison.Ordinal));
        var body = await response.Content.ReadAsStreamAsync();
        if (end == WatchEnd.CancelRead)
        {
            var read = body.ReadAsync(new byte[1024], cancel.Token).AsTask();
            await cancel.CancelAsync();
            await AssertCancelledAsync(read);
        }
        else
        {
            await body.DisposeAsync();
        }

        Assert.True(await WaitAbortedAsync(served), "the server's request was not aborted");
        static async Task ConsumeAsync(IAsyncEnumerable<WatchEvent<JsonObject>> events)
        {
            await foreach (var _ in events)
            {
            }
        }
    }

    [Fact]
    public async Task WithoutTheLoopbackCredentialRequestsAreUnauthorizedAsOverHttps()
    {
        var server = _controlPlane.ApiServer.Services.GetRequiredService<LoopbackServer>();
        var baseAddress = new Uri(_controlPlane.ApiServer.Url);
        using var anonymousLoopback = new HttpClient(new LoopbackHandler(server, authorization: null)) { BaseAddress = baseAddress };
        using var wrongLoopback = new HttpClient(new LoopbackHandler(server, "Bearer not-the-token")) { BaseAddress = baseAddress };
        using var anonymousHttps = CreateHttpsClient(token: null);

        var expected = await SendAsync(anonymousHttps, Plain(HttpMethod.Get, "/api/v1/namespaces"), "");
        Assert.StartsWith("401 ", expected, StringComparison.Ordinal);
        Assert.Equal(expected, await SendAsync(anonymousLoopback, Plain(HttpMethod.Get, "/api/v1/namespaces"), ""));
        Assert.Equal(expected, await SendAsync(wrongLoopback, Plain(HttpMethod.Get, "/api/v1/namespaces"), ""));
    }

    [Fact]
    public async Task TheLoopbackCredentialIsTheApiServerIdentity()
    {
        var review = await _loopback.PostAsync(
            "/apis/authentication.k8s.io/v1/selfsubjectreviews",
            new StringContent("""{"apiVersion":"authentication.k8s.io/v1","kind":"SelfSubjectReview"}""", Encoding.UTF8, "application/json"));
        var user = JsonNode.Parse(await review.Content.ReadAsStringAsync())!["status"]!["userInfo"]!;

        Assert.Equal("system:apiserver", (string?)user["username"]);
        Assert.Contains("system:masters", user["groups"]!.AsArray().Select(g => (string?)g));
    }

    [Fact]
    public async Task ConcurrentRequestsAllSucceed()
    {
        using var client = new KubeApiClient(_controlPlane.ApiServer.CreateLoopbackHandler(), new Uri(_controlPlane.ApiServer.Url));
        await Task.WhenAll(Enumerable.Range(0, 64).Select(async i =>
        {
            var name = $"parallel-{i}";
            await client.CreateAsync(ResourceRef.ConfigMaps, ConfigMap("transport-b", name, "parallel"));
            var read = await client.GetAsync(ResourceRef.ConfigMaps, "transport-b", name);
            Assert.Equal(name, JsonObjectMeta.GetName(read));
        }));

        var list = await client.ListAsync(ResourceRef.ConfigMaps, "transport-b", new ListOptions { LabelSelector = "group=parallel" });
        Assert.Equal(64, list.Items.Count);
    }

    [Fact]
    public async Task StoppingTheServerAbortsRunningLoopbackRequestsAndRefusesNewOnes()
    {
        using var response = await _loopback.GetAsync("/api/v1/namespaces/transport-b/configmaps?watch=true&timeoutSeconds=600&stop=1", HttpCompletionOption.ResponseHeadersRead);
        var served = await _requests.WaitForAsync(r => r.Query.Contains("stop=1", StringComparison.Ordinal));

        // A short grace period, as a host shutting down gives: the open watch does not end by itself, so it is aborted.
        using var grace = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        try
        {
            await _controlPlane.ApiServer.StopAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            // The host reports the grace period running out; what matters is what happened to the requests.
        }

        Assert.True(await WaitAbortedAsync(served), "the running watch was not aborted");
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => _loopback.GetAsync("/version"));
        Assert.Equal(HttpRequestError.ConnectionError, refused.HttpRequestError);
    }

    [Fact]
    public async Task AnApplicationFailureBeforeTheResponseIsABare500AsOverHttps()
    {
        var overHttps = await SendAsync(_https, Plain(HttpMethod.Get, ServerRequests.FailBeforeStartPath), "");
        var overLoopback = await SendAsync(_loopback, Plain(HttpMethod.Get, ServerRequests.FailBeforeStartPath), "");

        Assert.StartsWith("500 ", overHttps, StringComparison.Ordinal);
        Assert.Equal(overHttps, overLoopback);
    }

    [Fact]
    public async Task AnApplicationFailureAfterTheResponseStartedResetsTheBodyAsOverHttps()
    {
        foreach (var client in new[] { _https, _loopback })
        {
            using var response = await client.GetAsync(ServerRequests.FailAfterStartPath, HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var error = await Assert.ThrowsAnyAsync<Exception>(() => response.Content.ReadAsStringAsync());
            Assert.True(error is HttpRequestException or IOException, error.ToString());
        }
    }

#pragma warning disable VSTHRD003 // the server's request ends on the server's own flow
    private static Task<bool> WaitAbortedAsync(ServedRequest request) => request.Aborted.WaitAsync(Deadline);

    private static Task<OperationCanceledException> AssertCancelledAsync(Task task) => Assert.ThrowsAnyAsync<OperationCanceledException>(() => task.WaitAsync(Deadline));
#pragma warning restore VSTHRD003

    private static ConfigMapRequest Plain(HttpMethod method, string path, string accept = "application/json") => new(method, path, null, null, accept);

    private static ConfigMapRequest Json(HttpMethod method, string path, string body) => Body(method, path, body, "application/json");

    private static ConfigMapRequest Body(HttpMethod method, string path, string body, string contentType) => new(method, path, body, contentType, "application/json");

    private static JsonObject ConfigMap(string ns, string name, string group = "typed") => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns, ["labels"] = new JsonObject { ["typed"] = "yes", ["group"] = group } },
        ["data"] = new JsonObject { ["k"] = "v" },
    };

    /// <summary>Status, content headers and body with what legitimately differs between two objects taken out.</summary>
    private static async Task<string> SendAsync(HttpClient client, ConfigMapRequest spec, string ns)
    {
        using var request = new HttpRequestMessage(spec.Method, spec.Path) { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        request.Headers.TryAddWithoutValidation("Accept", spec.Accept);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        if (spec.Body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(spec.Body));
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(spec.ContentType!);
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var headers = response.Headers.Concat(response.Content.Headers)
            .Select(h => h.Key.Equals("Date", StringComparison.OrdinalIgnoreCase) ? "date=(set)" : $"{h.Key.ToLowerInvariant()}={string.Join(",", h.Value)}")
            .Order(StringComparer.Ordinal);
        var normalized = body.Length > 0 && body[0] == '{' ? Normalize(JsonNode.Parse(body)!, ns) : body;
        return $"{(int)response.StatusCode} {response.Version} [{string.Join("; ", headers)}] {normalized}";
    }

    private static string Normalize(JsonNode node, string ns)
    {
        Strip(node);
        var text = node.ToJsonString();
        return ns.Length == 0 ? text : text.Replace(ns, "NS", StringComparison.Ordinal);

        static void Strip(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    // Identity and timing differ between two objects; table cells hold their ages.
                    foreach (var volatileField in new[] { "uid", "resourceVersion", "creationTimestamp", "time", "cells", "continue" })
                    {
                        obj.Remove(volatileField);
                    }

                    foreach (var (_, child) in obj)
                    {
                        Strip(child);
                    }

                    break;
                case JsonArray array:
                    foreach (var child in array)
                    {
                        Strip(child);
                    }

                    break;
            }
        }
    }

    private HttpClient CreateHttpsClient(string? token)
    {
        var ca = _controlPlane.ApiServer.Security.CertificateAuthority.Certificate;
        var handler = new SocketsHttpHandler
        {
            SslOptions =
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    certificate is X509Certificate2 server && ChainVerifier.Verify(server, ca, ChainVerifier.ServerAuthentication, DateTimeOffset.UtcNow, out _),
            },
        };
        var client = new HttpClient(handler) { BaseAddress = new Uri(_controlPlane.ApiServer.Url) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public enum WatchEnd
    {
        CancelRead,
        DisposeBody,
        CancelClientWatch,
    }

    private sealed record ConfigMapRequest(HttpMethod Method, string Path, string? Body, string? ContentType, string Accept);
}
