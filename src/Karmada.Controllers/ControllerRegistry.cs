using Microsoft.Extensions.Hosting;

namespace Karmada.Controllers;

/// <summary>
/// The controllers the manager knows, by name (upstream's <c>controllers["cluster"] = startClusterController</c>), and
/// the <c>--controllers</c> selection: <c>*</c> enables every controller that is on by default, <c>name</c> enables one,
/// <c>-name</c> disables one; an explicit name wins over <c>*</c>.
/// </summary>
public sealed class ControllerRegistry
{
    private readonly List<(string Name, bool EnabledByDefault, Func<IServiceProvider, IHostedService> Factory)> _controllers = [];

    /// <summary>Registered names, in registration order.</summary>
    public IReadOnlyList<string> Names => [.. _controllers.Select(c => c.Name)];

    /// <summary>Adds a controller; names are unique.</summary>
    public ControllerRegistry Register(string name, Func<IServiceProvider, IHostedService> factory, bool enabledByDefault = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(factory);
        if (_controllers.Any(c => c.Name == name))
        {
            throw new ArgumentException($"Controller '{name}' is registered twice.", nameof(name));
        }

        _controllers.Add((name, enabledByDefault, factory));
        return this;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the known controllers when the selection names an unknown one.</summary>
    public void Validate(IEnumerable<string> selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        foreach (var entry in selection)
        {
            var name = entry.TrimStart('-');
            if (entry != "*" && _controllers.All(c => c.Name != name))
            {
                throw new ArgumentException($"Unknown controller '{name}' in --controllers; known controllers: {string.Join(", ", Names)}.");
            }
        }
    }

    /// <summary>Whether <paramref name="name"/> runs under <paramref name="selection"/>.</summary>
    public bool IsEnabled(string name, IReadOnlyCollection<string> selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        if (selection.Contains("-" + name))
        {
            return false;
        }

        if (selection.Contains(name))
        {
            return true;
        }

        return selection.Contains("*") && _controllers.Any(c => c.Name == name && c.EnabledByDefault);
    }

    /// <summary>Creates the enabled controllers, in registration order.</summary>
    public IReadOnlyList<IHostedService> CreateEnabled(IServiceProvider services, IReadOnlyCollection<string> selection)
    {
        Validate(selection);
        return [.. _controllers.Where(c => IsEnabled(c.Name, selection)).Select(c => c.Factory(services))];
    }
}
