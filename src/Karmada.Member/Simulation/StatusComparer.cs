using System.Text.Json;
using System.Text.Json.Nodes;

namespace Karmada.Member.Simulation;

/// <summary>
/// Decides whether a computed status differs from the stored one, treating absent numbers as 0 (servers may omit
/// zero counters), so a controller never rewrites an unchanged status and never loops on its own writes.
/// </summary>
internal static class StatusComparer
{
    public static bool Differs(JsonObject desired, JsonObject? actual)
    {
        foreach (var (name, value) in desired)
        {
            var current = actual?[name];
            if (value is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
            {
                if ((JsonRead.Long(actual, name) ?? 0) != (JsonRead.Long(desired, name) ?? 0))
                {
                    return true;
                }
            }
            else if (!JsonNode.DeepEquals(value, current))
            {
                return true;
            }
        }

        return false;
    }
}
