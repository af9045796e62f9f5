using System.Text.Json.Nodes;
using Karmada.ApiServer.Resources;

namespace Karmada.ApiServer.Registry;

/// <summary>
/// Schema-driven decoding steps for create and update: defaults from the resource's structural schema, pruning of
/// unknown fields, and <c>fieldValidation</c> (Strict rejects unknown fields with 400, Warn returns warnings).
/// </summary>
public sealed class ObjectDefaulting(IReadOnlyList<IObjectDefaulter> defaulters)
{
    public void Apply(ResourceDefinition resource, JsonObject obj, List<string> warnings, string fieldValidation)
    {
        foreach (var defaulter in defaulters)
        {
            defaulter.Apply(resource, obj, warnings, fieldValidation);
        }
    }
}
