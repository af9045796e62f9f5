using System.CommandLine;
using Karmada.Controllers;

namespace Karmada.Host.Commands;

/// <summary>
/// Upstream controller manager's per-controller concurrency flags (<c>--concurrent-*-syncs</c>, same names), for the
/// controllers this manager has. Unset, a controller keeps the manager's default of 5 workers.
/// </summary>
internal sealed class ConcurrencyFlags
{
    public Option<int?> WorkSyncs { get; } = Flag("--concurrent-work-syncs", "Works applied to members (execution) and reflected back (workStatus) concurrently.");

    public Option<int?> ResourceBindingSyncs { get; } = Flag("--concurrent-resourcebinding-syncs", "ResourceBindings turned into Works concurrently.");

    public Option<int?> ClusterResourceBindingSyncs { get; } = Flag("--concurrent-clusterresourcebinding-syncs", "ClusterResourceBindings turned into Works concurrently.");

    public Option<int?> ClusterSyncs { get; } = Flag("--concurrent-cluster-syncs", "Clusters reconciled concurrently by the cluster controller.");

    public Option<int?> NamespaceSyncs { get; } = Flag("--concurrent-namespace-syncs", "Namespaces propagated to members concurrently.");

    public Option<int?> ResourceTemplateSyncs { get; } = Flag("--concurrent-resource-template-syncs", "Resource templates matched to policies concurrently (resource detector).");

    public Option<int?> DependentResourceSyncs { get; } = Flag("--concurrent-dependent-resource-syncs", "Bindings whose dependencies are propagated concurrently (dependencies distributor).");

    public IEnumerable<Option> All =>
        [WorkSyncs, ResourceBindingSyncs, ClusterResourceBindingSyncs, ClusterSyncs, NamespaceSyncs, ResourceTemplateSyncs, DependentResourceSyncs];

    /// <summary>Copies the flags given into <paramref name="options"/>; validation is <see cref="ControllerManagerOptions.Validate"/>'s.</summary>
    public void Apply(ParseResult parse, ControllerManagerOptions options)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(options);
        options.ConcurrentWorkSyncs = parse.GetValue(WorkSyncs);
        options.ConcurrentResourceBindingSyncs = parse.GetValue(ResourceBindingSyncs);
        options.ConcurrentClusterResourceBindingSyncs = parse.GetValue(ClusterResourceBindingSyncs);
        options.ConcurrentClusterSyncs = parse.GetValue(ClusterSyncs);
        options.ConcurrentNamespaceSyncs = parse.GetValue(NamespaceSyncs);
        options.ConcurrentResourceTemplateSyncs = parse.GetValue(ResourceTemplateSyncs);
        options.ConcurrentDependentResourceSyncs = parse.GetValue(DependentResourceSyncs);
    }

    private static Option<int?> Flag(string name, string what) => new(name) { Description = $"{what} Default 5." };
}
