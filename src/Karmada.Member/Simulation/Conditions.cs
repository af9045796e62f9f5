using System.Text.Json.Nodes;

namespace Karmada.Member.Simulation;

/// <summary>Sets conditions in a <c>status.conditions</c> array, keeping lastTransitionTime when the status is unchanged.</summary>
internal static class Conditions
{
    /// <summary>Sets a condition; returns true when anything but timestamps changed.</summary>
    public static bool Set(JsonObject status, string type, string conditionStatus, string reason, string message, DateTimeOffset now, bool withUpdateTime = false)
    {
        if (status["conditions"] is not JsonArray conditions)
        {
            conditions = [];
            status["conditions"] = conditions;
        }

        var stamp = Timestamps.Format(now);
        var existing = conditions.OfType<JsonObject>().FirstOrDefault(c => JsonRead.Str(c, "type") == type);
        if (existing is null)
        {
            var condition = new JsonObject { ["type"] = type, ["status"] = conditionStatus };
            if (withUpdateTime)
            {
                condition["lastUpdateTime"] = stamp;
            }

            condition["lastTransitionTime"] = stamp;
            condition["reason"] = reason;
            condition["message"] = message;
            conditions.Add(condition);
            return true;
        }

        var changed = JsonRead.Str(existing, "status") != conditionStatus;
        var detailChanged = changed || JsonRead.Str(existing, "reason") != reason || JsonRead.Str(existing, "message") != message;
        if (changed)
        {
            existing["status"] = conditionStatus;
            existing["lastTransitionTime"] = stamp;
        }

        if (detailChanged)
        {
            existing["reason"] = reason;
            existing["message"] = message;
            if (withUpdateTime)
            {
                existing["lastUpdateTime"] = stamp;
            }
        }

        return detailChanged;
    }
}
