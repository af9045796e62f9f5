using System.Text.Json.Nodes;
using Karmada.ApiServer.Resources;

namespace Karmada.ApiServer.Admission;

/// <summary>
/// What an admission plugin sees: the resource, the operation, the incoming object (mutable for mutating
/// plugins), the stored object for updates and deletes, and the subresource written (<c>""</c>, <c>status</c>, ...).
/// </summary>
public sealed class AdmissionRequest
{
    public required ResourceDefinition Resource { get; init; }

    public required AdmissionOperation Operation { get; init; }

    public JsonObject? Object { get; init; }

    public JsonObject? OldObject { get; init; }

    public string Subresource { get; init; } = "";

    public bool DryRun { get; init; }

    public string UserName { get; init; } = "";

    /// <summary>Warnings to return to the client in <c>Warning</c> headers.</summary>
    public List<string> Warnings { get; } = [];

    public string Name => (string?)Object?["metadata"]?["name"] ?? (string?)OldObject?["metadata"]?["name"] ?? "";
}
