using Karmada.Api.Work.V1Alpha2;

namespace Karmada.Scheduler.Framework.Plugins;

/// <summary>The names in <c>spec.clusters</c>, for "is the cluster already a target" checks against many clusters.</summary>
internal sealed class TargetNames
{
    private static readonly TargetNames None = new(null);

    private readonly HashSet<string>? _names;

    private TargetNames(HashSet<string>? names)
    {
        _names = names;
    }

    public static TargetNames Of(ResourceBindingSpec spec) =>
        spec.Clusters.Count == 0 ? None : new(new HashSet<string>(spec.Clusters.Select(c => c.Name), StringComparer.Ordinal));

    public bool Contains(string? name) => _names is not null && name is not null && _names.Contains(name);
}
