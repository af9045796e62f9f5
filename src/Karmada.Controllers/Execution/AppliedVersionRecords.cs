using System.Collections.Concurrent;

namespace Karmada.Controllers.Execution;

/// <summary>
/// The <see cref="AppliedVersion"/> of every member object the execution controller wrote, per cluster (upstream
/// <c>objectWatcher.VersionRecord</c>). In memory: after a restart every object is written once more.
/// </summary>
public sealed class AppliedVersionRecords
{
    private readonly ConcurrentDictionary<(string Cluster, ManifestIdentity Object), AppliedVersion> _records = new();

    public AppliedVersion? Get(string cluster, ManifestIdentity obj) => _records.GetValueOrDefault((cluster, obj));

    public void Set(string cluster, ManifestIdentity obj, AppliedVersion version) => _records[(cluster, obj)] = version;

    public void Remove(string cluster, ManifestIdentity obj) => _records.TryRemove((cluster, obj), out _);
}
