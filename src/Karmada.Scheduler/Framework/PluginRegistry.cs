namespace Karmada.Scheduler.Framework;

/// <summary>
/// The plugins the scheduler may run, by name (upstream's <c>runtime.Registry</c>). Registration order is kept so the
/// filter chain runs in a fixed order; upstream iterates a Go map, so its order is random.
/// </summary>
public sealed class PluginRegistry
{
    private readonly List<KeyValuePair<string, Func<IPlugin>>> _factories = [];

    /// <summary>The registered plugin names, in registration order.</summary>
    public IReadOnlyList<string> Names => _factories.ConvertAll(f => f.Key);

    /// <summary>Adds a plugin factory; a second plugin with the same name is a programming error.</summary>
    public void Register(string name, Func<IPlugin> factory)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(factory);
        if (Contains(name))
        {
            throw new InvalidOperationException($"a plugin named {name} already exists");
        }

        _factories.Add(new(name, factory));
    }

    /// <summary>Removes a plugin; returns false when no plugin has that name.</summary>
    public bool Unregister(string name) => _factories.RemoveAll(f => f.Key == name) > 0;

    /// <summary>Whether a plugin with the name is registered.</summary>
    public bool Contains(string name) => _factories.Exists(f => f.Key == name);

    /// <summary>Adds every plugin of <paramref name="other"/> (out-of-tree plugins) after the existing ones.</summary>
    public void Merge(PluginRegistry other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (name, factory) in other._factories)
        {
            Register(name, factory);
        }
    }

    /// <summary>
    /// The registry restricted by a <c>--plugins</c> list, with upstream's semantics: <c>*</c> enables every plugin,
    /// <c>name</c> enables one, <c>-name</c> disables one that an earlier entry enabled (<c>*,-foo</c> and
    /// <c>-foo,*</c> both mean "all but foo"). Unknown names are ignored.
    /// </summary>
    public PluginRegistry Filter(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var list = names.ToList();
        var enabled = new HashSet<string>(StringComparer.Ordinal);
        if (list.Contains("*"))
        {
            enabled.UnionWith(_factories.Select(f => f.Key));
        }

        foreach (var name in list)
        {
            if (Contains(name))
            {
                enabled.Add(name);
                continue;
            }

            if (name.StartsWith('-') && enabled.Count > 0)
            {
                enabled.Remove(name.TrimStart('-'));
            }
        }

        var filtered = new PluginRegistry();
        foreach (var (name, factory) in _factories.Where(f => enabled.Contains(f.Key)))
        {
            filtered.Register(name, factory);
        }

        return filtered;
    }

    /// <summary>Creates one instance of every registered plugin, in registration order.</summary>
    public IReadOnlyList<IPlugin> CreatePlugins() => _factories.ConvertAll(f => f.Value());
}
