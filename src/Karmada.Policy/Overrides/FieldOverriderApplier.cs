using System.Text.Json;
using System.Text.Json.Nodes;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Json;
using Karmada.Policy.Json;
using YamlDotNet.Core;

namespace Karmada.Policy.Overrides;

/// <summary>
/// Applies field overriders (upstream <c>applyFieldOverriders</c>): the string at <c>fieldPath</c> is parsed as YAML
/// (when <c>yaml</c> operations are given) or JSON (when <c>json</c> ones are), the operations are applied as a JSON
/// patch relative to the document, and the result is written back as a string.
/// </summary>
public static class FieldOverriderApplier
{
    /// <summary>Applies the field overriders to <paramref name="obj"/> in place, in order.</summary>
    /// <exception cref="OverrideException">A path does not resolve to a string, or the document or a patch is invalid.</exception>
    public static void Apply(JsonObject obj, IEnumerable<FieldOverrider> overriders)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(overriders);
        foreach (var overrider in overriders)
        {
            try
            {
                var pointer = JsonPointer.Parse(overrider.FieldPath);
                var current = pointer.Get(obj);
                if (!JsonPointer.IsString(current))
                {
                    throw new OverrideException($"Get object's value by overrider's path({overrider.FieldPath}) is not string");
                }

                var text = current!.GetValue<string>();
                var applied = "";
                if (overrider.Yaml.Count > 0)
                {
                    var patched = JsonPatch.Apply(YamlJson.ToJson(text), overrider.Yaml.Select(o => new JsonPatchOperation(PlaintextOverriderPatches.OperatorName(o.Operator), o.SubPath, o.Value)));
                    applied = YamlJson.ToYaml(patched);
                }
                else if (overrider.Json.Count > 0)
                {
                    applied = text.Length == 0
                        ? text
                        // evanphx/json-patch rewrites the document in place: members keep their order, numbers their text.
                        : GoJson.Marshal(JsonPatch.Apply(JsonNode.Parse(text), overrider.Json.Select(o => new JsonPatchOperation(PlaintextOverriderPatches.OperatorName(o.Operator), o.SubPath, o.Value))), GoJsonKeyOrder.AsWritten, GoJsonNumbers.AsWritten);
                }

                pointer.Set(obj, JsonValue.Create(applied));
            }
            catch (Exception ex) when (ex is JsonPatchException or JsonException or YamlException)
            {
                throw new OverrideException($"failed to apply field overrider on path({overrider.FieldPath}): {ex.Message}", ex);
            }
        }
    }
}
