using Karmada.Client;
using Karmada.Client.Informers;
using Microsoft.Extensions.Logging;

namespace Karmada.Controllers.Members;

/// <summary>
/// One <see cref="InformerFactory"/> per member cluster (upstream's per-cluster informer manager): list + watch caches
/// of member objects, shared by every controller that reads a member. A factory is bound to the client it was started
/// with; when the cluster's client is rebuilt (new credentials) or the cluster goes away, the factory is stopped.
/// </summary>
public sealed class MemberClusterInformers : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (KubeApiClient Client, InformerFactory Factory)> _factories = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;
    private readonly ILoggerFactory _loggerFactory;

    public MemberClusterInformers(TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        _timeProvider = timeProvider;
        _loggerFactory = loggerFactory;
    }

    /// <summary>The running factory of <paramref name="clusterName"/> for <paramref name="client"/>, started on first use.</summary>
    public async Task<InformerFactory> GetOrStartAsync(string clusterName, KubeApiClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        InformerFactory? stale = null;
        InformerFactory factory;
        lock (_gate)
        {
            if (_factories.TryGetValue(clusterName, out var existing) && ReferenceEquals(existing.Client, client))
            {
                return existing.Factory;
            }

            if (existing.Factory is not null)
            {
                stale = existing.Factory;
            }

            factory = new InformerFactory(client, new SharedInformerOptions(), _timeProvider, _loggerFactory);
            _factories[clusterName] = (client, factory);
        }

        if (stale is not null)
        {
            await stale.DisposeAsync();
        }

        await factory.StartAsync(cancellationToken);
        return factory;
    }

    /// <summary>Stops and forgets the informers of a cluster (offline or removed); a later call starts them again.</summary>
    public async Task StopAsync(string clusterName)
    {
        InformerFactory? factory = null;
        lock (_gate)
        {
            if (_factories.Remove(clusterName, out var entry))
            {
                factory = entry.Factory;
            }
        }

        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
    }

    /// <summary>Whether informers run for a cluster.</summary>
    public bool IsRunning(string clusterName)
    {
        lock (_gate)
        {
            return _factories.ContainsKey(clusterName);
        }
    }

    public async ValueTask DisposeAsync()
    {
        InformerFactory[] factories;
        lock (_gate)
        {
            factories = [.. _factories.Values.Select(e => e.Factory)];
            _factories.Clear();
        }

        foreach (var factory in factories)
        {
            await factory.DisposeAsync();
        }
    }
}
