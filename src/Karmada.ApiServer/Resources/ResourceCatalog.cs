namespace Karmada.ApiServer.Resources;

/// <summary>
/// Every resource the server currently serves: built-in and Karmada kinds at start, custom resources as their
/// CustomResourceDefinitions become Established. Lookups are lock-free reads of an immutable snapshot.
/// </summary>
public sealed class ResourceCatalog
{
    private readonly Lock _gate = new();
    private Snapshot _snapshot = new([]);

    public ResourceCatalog(IEnumerable<ResourceDefinition> initial)
    {
        foreach (var definition in initial)
        {
            Add(definition);
        }
    }

    /// <summary>Raised after the set of served resources changed (discovery and OpenAPI documents are rebuilt).</summary>
    public event Action? Changed;

    /// <summary>Bumped on every change; used as a cache key for discovery and OpenAPI documents.</summary>
    public long Generation => _snapshot.Generation;

    public IReadOnlyList<ResourceDefinition> All => _snapshot.Definitions;

    public void Add(ResourceDefinition definition)
    {
        lock (_gate)
        {
            var list = _snapshot.Definitions.Where(d => !Same(d, definition)).Append(definition).ToList();
            _snapshot = new Snapshot(list) { Generation = _snapshot.Generation + 1 };
        }

        Changed?.Invoke();
    }

    public void RemoveGroupResource(string group, string plural)
    {
        lock (_gate)
        {
            var list = _snapshot.Definitions.Where(d => !(d.Group == group && d.Plural == plural)).ToList();
            _snapshot = new Snapshot(list) { Generation = _snapshot.Generation + 1 };
        }

        Changed?.Invoke();
    }

    public ResourceDefinition? Find(string group, string version, string plural) =>
        _snapshot.ByPath.GetValueOrDefault((group, version, plural));

    public ResourceDefinition? FindKind(string group, string version, string kind) =>
        _snapshot.ByKind.GetValueOrDefault((group, version, kind));

    /// <summary>The preferred served version of a group's resource by kind, whatever version was asked.</summary>
    public ResourceDefinition? FindKindAnyVersion(string group, string kind) =>
        _snapshot.Definitions.FirstOrDefault(d => d.Group == group && d.Kind == kind);

    public bool ServesGroupVersion(string group, string version) => _snapshot.GroupVersions.Contains((group, version));

    /// <summary>Groups in discovery order: core, built-in groups in registration order, then the rest by name.</summary>
    public IReadOnlyList<(string Group, IReadOnlyList<string> Versions)> Groups() => _snapshot.Groups;

    public IReadOnlyList<ResourceDefinition> InGroupVersion(string group, string version) =>
        _snapshot.Definitions.Where(d => d.Group == group && d.Version == version).ToList();

    private static bool Same(ResourceDefinition a, ResourceDefinition b) =>
        a.Group == b.Group && a.Version == b.Version && a.Plural == b.Plural;

    private sealed class Snapshot
    {
        public Snapshot(List<ResourceDefinition> definitions)
        {
            Definitions = definitions;
            ByPath = definitions.ToDictionary(d => (d.Group, d.Version, d.Plural));
            ByKind = new Dictionary<(string, string, string), ResourceDefinition>();
            foreach (var d in definitions)
            {
                ByKind.TryAdd((d.Group, d.Version, d.Kind), d);
            }

            GroupVersions = definitions.Select(d => (d.Group, d.Version)).ToHashSet();
            var order = new List<string>();
            foreach (var d in definitions.Where(d => !d.IsCustom))
            {
                if (!order.Contains(d.Group))
                {
                    order.Add(d.Group);
                }
            }

            foreach (var g in definitions.Where(d => d.IsCustom).Select(d => d.Group).Distinct().Order(StringComparer.Ordinal))
            {
                if (!order.Contains(g))
                {
                    order.Add(g);
                }
            }

            Groups = order.Select(g => (g, (IReadOnlyList<string>)definitions.Where(d => d.Group == g).Select(d => d.Version)
                .Distinct().OrderByDescending(VersionPriority).ToList())).ToList();
        }

        public long Generation { get; init; }

        public List<ResourceDefinition> Definitions { get; }

        public Dictionary<(string Group, string Version, string Plural), ResourceDefinition> ByPath { get; }

        public Dictionary<(string Group, string Version, string Kind), ResourceDefinition> ByKind { get; }

        public HashSet<(string Group, string Version)> GroupVersions { get; }

        public List<(string Group, IReadOnlyList<string> Versions)> Groups { get; }

        /// <summary>Kubernetes version priority: GA &gt; beta &gt; alpha, higher numbers first.</summary>
        private static int VersionPriority(string version)
        {
            var match = System.Text.RegularExpressions.Regex.Match(version, @"^v(\d+)(?:(alpha|beta)(\d+))?$");
            if (!match.Success)
            {
                return 0;
            }

            var major = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var stage = match.Groups[2].Value switch { "" => 3, "beta" => 2, _ => 1 };
            var minor = match.Groups[3].Success ? int.Parse(match.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
            return (stage * 1_000_000) + (major * 1000) + minor;
        }
    }
}
