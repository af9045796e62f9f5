using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Karmada.Client;

namespace Karmada.Testing.ControlPlane;

/// <summary>Reads that tests use to ask whether an object exists (yet, or still) and to wait for its state.</summary>
public static class KubeApiClientTestExtensions
{
    /// <summary>The object, or null when the server answers NotFound.</summary>
    public static async Task<JsonObject?> GetOrNullAsync(this KubeApiClient client, ResourceRef resource, string? @namespace, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            return await client.GetAsync(resource, @namespace, name, cancellationToken);
        }
        catch (ApiException ex) when (ex.IsNotFound())
        {
            return null;
        }
    }

    /// <summary>The typed object, or null when the server answers NotFound.</summary>
    public static async Task<T?> GetOrNullAsync<T>(this KubeApiClient client, ResourceRef resource, string? @namespace, string name, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            return await client.GetAsync(resource, @namespace, name, typeInfo, cancellationToken);
        }
        catch (ApiException ex) when (ex.IsNotFound())
        {
            return null;
        }
    }

    /// <summary>
    /// Reads the typed object until it exists and <paramref name="condition"/> holds for it, and returns it; on timeout
    /// the message carries the last copy read, which is what a failing test needs to be understood.
    /// </summary>
    public static async Task<T> ReadUntilAsync<T>(
        this KubeApiClient client,
        ResourceRef resource,
        string? @namespace,
        string name,
        JsonTypeInfo<T> typeInfo,
        Func<T, bool> condition,
        TimeSpan timeout,
        string because,
        CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(condition);
        T? last = null;
        try
        {
            await Eventually.UntilAsync(
                async () =>
                {
                    var current = await client.GetOrNullAsync(resource, @namespace, name, typeInfo, cancellationToken);
                    last = current ?? last;
                    return current is not null && condition(current);
                },
                timeout,
                because,
                cancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}; last seen: {(last is null ? "none" : JsonSerializer.Serialize(last, typeInfo))}", ex);
        }

        return last!;
    }
}
