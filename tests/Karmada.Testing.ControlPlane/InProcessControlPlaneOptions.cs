using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Karmada.Testing.ControlPlane;

/// <summary>How a test's <see cref="InProcessControlPlane"/> differs from the default one.</summary>
public sealed class InProcessControlPlaneOptions
{
    /// <summary>Prefix of the temporary data directory, so a leaked directory names its test.</summary>
    public string DirectoryPrefix { get; init; } = "cp-it";

    /// <summary>
    /// Whether the server is Karmada's control plane (its kinds, system namespaces and admission); off for a plain
    /// Kubernetes API server, as the API server's own tests want.
    /// </summary>
    public bool KarmadaResources { get; init; } = true;

    /// <summary>Middleware placed in front of the API (request counting, fault injection).</summary>
    public Action<IApplicationBuilder>? ConfigurePipeline { get; init; }

    /// <summary>Registers the components under test beside the Karmada client (controllers, scheduler).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>
    /// Whether <see cref="InProcessControlPlane.StartAsync"/> starts the registered hosted services; off when a test
    /// must seed objects first and then calls <see cref="InProcessControlPlane.StartRegisteredServicesAsync"/>.
    /// </summary>
    public bool StartRegisteredServices { get; init; } = true;
}
