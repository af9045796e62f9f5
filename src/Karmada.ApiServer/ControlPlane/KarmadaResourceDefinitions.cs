using Karmada.Api;
using Karmada.ApiServer.Resources;

namespace Karmada.ApiServer.ControlPlane;

/// <summary>Karmada's own kinds as served resources of the control plane (custom: no strategic merge patch).</summary>
public static class KarmadaResourceDefinitions
{
    public static IReadOnlyList<ResourceDefinition> All { get; } = KarmadaResources.All.Select(ToDefinition).ToList();

    private static ResourceDefinition ToDefinition(KarmadaResourceDescriptor d) => new()
    {
        Group = d.Group,
        Version = d.Version,
        Kind = d.Kind,
        Plural = d.Plural,
        Singular = d.Singular,
        Namespaced = d.Namespaced,
        ShortNames = d.ShortNames,
        Categories = d.Categories,
        HasStatus = d.HasStatus,
        IsCustom = true,
        ModelType = d.Type,
        PrinterColumns = d.PrinterColumns.Select(c => new Resources.PrinterColumn(c.Name, c.Type, c.JsonPath, c.Priority, c.Description, c.Format)).ToList(),
    };
}
