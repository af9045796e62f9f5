using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Karmada.Client;
using Karmada.Client.Informers;

namespace Karmada.Controllers.Execution;

/// <summary>
/// One controller's watches on member objects: the member informer of each resource a Work applies, started lazily in
/// the cluster's shared <see cref="InformerFactory"/> (from <c>MemberClusterInformers</c>), with this controller's
/// event handler added once per informer. A replaced factory (new credentials, member back online) gets fresh
/// registrations and the old ones are collected with it; <see cref="Dispose"/> removes every handler when the
/// controller stops.
/// </summary>
public sealed class MemberObjectWatches : IDisposable
{
    private readonly ResourceEventHandler<JsonObject> _handler;
    private readonly ConditionalWeakTable<InformerFactory, Dictionary<ResourceRef, (SharedInformer<JsonObject> Informer, IDisposable Registration)>> _watched = [];
    private readonly Lock _gate = new();
    private bool _disposed;

    public MemberObjectWatches(ResourceEventHandler<JsonObject> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _handler = handler;
    }

    /// <summary>The member informer of <paramref name="resource"/>, with this controller's handler on it.</summary>
    public SharedInformer<JsonObject> Ensure(InformerFactory factory, ResourceRef resource)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(resource);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var informers = _watched.GetOrCreateValue(factory);
            if (informers.TryGetValue(resource, out var existing))
            {
                return existing.Informer;
            }

            var informer = factory.GetInformer(resource);
            informers[resource] = (informer, informer.AddEventHandler(_handler));
            return informer;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var (_, informers) in _watched)
            {
                foreach (var (_, registration) in informers.Values)
                {
                    registration.Dispose();
                }
            }

            _watched.Clear();
        }
    }
}
