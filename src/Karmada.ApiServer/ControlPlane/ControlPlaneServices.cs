using Karmada.ApiServer.Admission;
using Microsoft.Extensions.DependencyInjection;

namespace Karmada.ApiServer.ControlPlane;

/// <summary>What the control plane's API server adds to a plain one: Karmada's kinds and their admission.</summary>
public static class ControlPlaneServices
{
    /// <summary>Namespaces Karmada reserves for itself.</summary>
    public static IReadOnlyList<string> SystemNamespaces { get; } = ["karmada-system", "karmada-cluster"];

    public static void Add(IServiceCollection services)
    {
        services.AddSingleton<IAdmissionPlugin, PermanentIdAdmission>();
        services.AddSingleton<IAdmissionPlugin, KarmadaPolicyAdmission>();
    }
}
