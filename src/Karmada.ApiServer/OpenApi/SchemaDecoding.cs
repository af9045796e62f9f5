using System.Text.Json.Nodes;
using Karmada.ApiServer.Http;
using Karmada.ApiServer.Registry;
using Karmada.ApiServer.Resources;
using Karmada.OpenApi.Structural;

namespace Karmada.ApiServer.OpenApi;

/// <summary>
/// Decoding against the resource's structural schema, as apiextensions does for CRDs: defaults, then pruning of
/// fields the schema does not know. <c>fieldValidation=Strict</c> turns pruned fields into a 400 strict decoding
/// error, <c>Warn</c> into warnings, <c>Ignore</c> drops them silently.
/// </summary>
public sealed class SchemaDecoding(SchemaRegistry schemas) : IObjectDefaulter
{
    public void Apply(ResourceDefinition resource, JsonObject obj, List<string> warnings, string fieldValidation)
    {
        if (schemas.StructuralFor(resource) is not { } schema)
        {
            return;
        }

        if (resource.Schema is not null)
        {
            SchemaDefaulter.Apply(obj, schema);
        }

        var pruned = SchemaPruner.Prune(obj, schema, true);
        if (pruned.Count == 0 || fieldValidation == "Ignore")
        {
            return;
        }

        var unknown = pruned.Select(p => $"unknown field \"{p}\"").ToList();
        if (fieldValidation == "Strict")
        {
            throw new ApiException(Errors.BadRequest($"{resource.Kind} in version \"{resource.Version}\" cannot be handled as a {resource.Kind}: strict decoding error: {string.Join(", ", unknown)}"));
        }

        warnings.AddRange(unknown);
    }
}
