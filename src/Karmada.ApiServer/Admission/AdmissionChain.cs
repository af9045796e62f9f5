namespace Karmada.ApiServer.Admission;

/// <summary>Runs every mutating plugin, then every validating plugin, for a request.</summary>
public sealed class AdmissionChain(IEnumerable<IAdmissionPlugin> plugins)
{
    private readonly IAdmissionPlugin[] _mutating = plugins.Where(p => p.IsMutating).ToArray();
    private readonly IAdmissionPlugin[] _validating = plugins.Where(p => !p.IsMutating).ToArray();

    public async ValueTask AdmitAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        foreach (var plugin in _mutating)
        {
            if (plugin.Handles(request))
            {
                await plugin.AdmitAsync(request, cancellationToken);
            }
        }

        foreach (var plugin in _validating)
        {
            if (plugin.Handles(request))
            {
                await plugin.AdmitAsync(request, cancellationToken);
            }
        }
    }
}
