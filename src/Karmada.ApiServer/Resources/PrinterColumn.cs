using System.Text.Json.Nodes;

namespace Karmada.ApiServer.Resources;

/// <summary>
/// One Table column: as in a CRD's <c>additionalPrinterColumns</c>. <see cref="JsonPath"/> is evaluated against the
/// object (<c>.spec.replicas</c>) unless <see cref="Compute"/> is given (built-in kinds whose cells are derived, like
/// a Deployment's READY <c>2/3</c>); <see cref="Priority"/> above 0 shows only with <c>-o wide</c>.
/// </summary>
public sealed record PrinterColumn(string Name, string Type, string JsonPath, int Priority = 0, string Description = "", string Format = "")
{
    public Func<JsonObject, DateTimeOffset, object?>? Compute { get; init; }
}
