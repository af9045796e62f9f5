using System.Text.Json.Nodes;
using Karmada.ApiServer.Resources;

namespace Karmada.ApiServer.Registry;

/// <summary>One decoding step applied to incoming objects before admission (defaults, pruning, validation of field names).</summary>
public interface IObjectDefaulter
{
    void Apply(ResourceDefinition resource, JsonObject obj, List<string> warnings, string fieldValidation);
}
