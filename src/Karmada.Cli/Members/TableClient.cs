using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using k8s;
using k8s.Authentication;

namespace Karmada.Cli.Members;

/// <summary>
/// GETs collections as a <c>meta.k8s.io/v1 Table</c> (the server's own printer columns, as kubectl shows them).
/// <c>KubeApiClient</c> always asks for plain JSON, so this goes through the official client's HTTP pipeline
/// (same TLS and credentials from the configuration).
/// </summary>
public sealed class TableClient : IDisposable
{
    private const string TableMediaType = "application/json;as=Table;v=v1;g=meta.k8s.io";
    private readonly Kubernetes _kubernetes;
    private readonly ServiceClientCredentials? _credentials;

    public TableClient(KubernetesClientConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _kubernetes = new Kubernetes(configuration);
        _credentials = Kubernetes.CreateCredentials(configuration);
    }

    /// <summary>The Table of <paramref name="pathAndQuery"/>; a refusal is a <see cref="TableRequestException"/> with the server's message.</summary>
    public async Task<JsonObject> GetTableAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_kubernetes.BaseUri.AbsoluteUri.TrimEnd('/') + pathAndQuery));
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(TableMediaType));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (_credentials is not null)
        {
            await _credentials.ProcessHttpRequestAsync(request, cancellationToken);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        using var response = await _kubernetes.HttpClient.SendAsync(request, timeout.Token);
        var body = await response.Content.ReadAsStringAsync(timeout.Token);
        var node = string.IsNullOrWhiteSpace(body) ? null : JsonNode.Parse(body) as JsonObject;
        if (!response.IsSuccessStatusCode)
        {
            var message = (string?)node?["message"] ?? $"{(int)response.StatusCode} {response.ReasonPhrase}";
            throw new TableRequestException((int)response.StatusCode, message);
        }

        return node ?? throw new TableRequestException((int)response.StatusCode, "the server returned an empty body");
    }

    public void Dispose() => _kubernetes.Dispose();
}
