using k8s;

namespace Karmada.ApiServer.Tests.Integration;

/// <summary>
/// Hand-made requests for what the typed client has no call for (subresources of our own, raw status codes), sent
/// with the client's transport and credentials.
/// </summary>
internal static class RawApiRequests
{
    public static async Task<HttpRequestMessage> RequestAsync(Kubernetes client, HttpMethod method, string path, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(method, new Uri(client.BaseUri, path));
        if (client.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(request, cancellationToken);
        }

        return request;
    }

    /// <summary>Opens a watch on <paramref name="collection"/> from <paramref name="resourceVersion"/>.</summary>
    public static async Task<WatchLineReader> WatchAsync(Kubernetes client, string collection, string resourceVersion, CancellationToken cancellationToken)
    {
        using var request = await RequestAsync(client, HttpMethod.Get, $"{collection}?watch=true&resourceVersion={resourceVersion}", cancellationToken);
        var response = await client.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        return new WatchLineReader(response, new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken)));
    }
}
