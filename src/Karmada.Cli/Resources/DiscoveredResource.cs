using Karmada.Client;

namespace Karmada.Cli.Resources;

/// <summary>A resource from an API server's discovery: where it is served, its kind and the names users type for it.</summary>
public sealed record DiscoveredResource(ResourceRef Resource, string Kind, string Singular, IReadOnlyList<string> ShortNames)
{
    /// <summary>kubectl's name of the resource: <c>deployment.apps</c>, or <c>pod</c> for the core group.</summary>
    public string DisplayName => Resource.Group.Length == 0 ? Kind.ToLowerInvariant() : $"{Kind.ToLowerInvariant()}.{Resource.Group}";
}
