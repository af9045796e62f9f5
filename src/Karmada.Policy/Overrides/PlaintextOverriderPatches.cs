using Karmada.Api.Policy.V1Alpha1;
using Karmada.Policy.Json;

namespace Karmada.Policy.Overrides;

/// <summary>Plaintext overriders become JSON patches verbatim (upstream <c>parseJSONPatchesByPlaintext</c>).</summary>
public static class PlaintextOverriderPatches
{
    /// <summary>One patch per overrider, in order.</summary>
    public static IReadOnlyList<JsonPatchOperation> Build(IEnumerable<PlaintextOverrider> overriders)
    {
        ArgumentNullException.ThrowIfNull(overriders);
        return overriders.Select(o => new JsonPatchOperation(OperatorName(o.Operator), o.Path, o.Value)).ToList();
    }

    /// <summary>The wire name of the operator (<c>add</c>, <c>remove</c>, <c>replace</c>).</summary>
    public static string OperatorName(OverriderOperator op) => op switch
    {
        OverriderOperator.Add => "add",
        OverriderOperator.Remove => "remove",
        _ => "replace",
    };
}
